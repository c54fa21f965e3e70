// Rate kinds as the administrator sees them, and the arithmetic of shares
// shown as percentages. Values travel as decimal strings and are never
// turned into floating point on the way to the server.

import { rateKindValues, type components } from '@/api/schema';
import type { Rate } from './api/rates';

export type RateKind = components['schemas']['RateKind'];

/** The kinds of rate the server knows (generated from the API), in the order the page shows them. */
export const RATE_KINDS: readonly RateKind[] = rateKindValues;

/** Caps and the care shares are shares (0–1); the rest are amounts in euro. */
export function isShare(kind: string): boolean {
  return kind.startsWith('home_help_cap') || kind.startsWith('day_care_') || kind.endsWith('_share');
}

/**
 * A percentage typed by a person (`12,5`, `20`) as the share the API takes
 * (`0.125`, `0.2`); `null` when it is not a number from 0 to 100 with at
 * most two decimals.
 */
export function percentToShare(input: string): string | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(input.trim());
  if (!m) return null;
  const whole = Number(m[1]);
  const hundredths = whole * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (hundredths > 10_000) return null;
  // hundredths of a percent are ten-thousandths of one: exact in 4 decimals.
  const digits = String(hundredths).padStart(5, '0');
  const share = `${digits.slice(0, -4)}.${digits.slice(-4)}`.replace(/\.?0+$/, '');
  return share === '' ? '0' : share;
}

/** A share from the API (`0.125`) as a percentage (`12.5`). */
export function shareToPercent(share: string): string {
  const [whole = '0', frac = ''] = share.split('.');
  const digits = `${whole}${frac.padEnd(4, '0').slice(0, 4)}`.replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(3, '0');
  const percent = `${padded.slice(0, -2)}.${padded.slice(-2)}`.replace(/\.?0+$/, '');
  return percent === '' ? '0' : percent;
}

/** An amount in euro typed by a person (`245`, `6,50`) as a decimal string; `null` when invalid. */
export function parseEuro(input: string): string | null {
  const trimmed = input.trim().replace(',', '.');
  return /^\d{1,7}(\.\d{1,2})?$/.test(trimmed) ? trimmed : null;
}

export type RateStatus = 'in_force' | 'planned' | 'past';

/**
 * Whether each value is in force on `today`, planned, or replaced: per kind
 * the newest value from today or earlier is in force.
 */
export function rateStatuses(rates: readonly Rate[], today: string): Map<string, RateStatus> {
  const out = new Map<string, RateStatus>();
  const inForce = new Map<string, Rate>();
  for (const rate of rates) {
    if (rate.valid_from > today) continue;
    const current = inForce.get(rate.kind);
    if (!current || rate.valid_from > current.valid_from) inForce.set(rate.kind, rate);
  }
  for (const rate of rates) {
    if (rate.valid_from > today) out.set(rate.id, 'planned');
    else out.set(rate.id, inForce.get(rate.kind)?.id === rate.id ? 'in_force' : 'past');
  }
  return out;
}
