// A fee's breakdown as lines a person can read: each line is an i18n key
// under `fees.lines.` with its values already formatted, in the order the
// fee is worked out (whose income, the VRP, the tier, the cost, the cap,
// the 2 VRP floor, the trips, the amount, and what decided it). The rule
// behind each line goes to the "why" list, not into the text.

import type { components } from '@/api/schema';
import { formatDate, formatMoney } from '@/lib/format';

type FeeBreakdown = components['schemas']['FeeBreakdown'];

export interface BreakdownLine {
  /** i18n key under `fees.lines.` */
  key: string;
  values: Record<string, string | number>;
  /** The rule of RULES.md the line applies. */
  rule: string | null;
}

/** `0.10` → `10` (a share as whole percent, up to two decimals). */
export function percent(share: string): string {
  const n = Number(share) * 100;
  return Number.isNaN(n) ? share : String(Math.round(n * 100) / 100);
}

/** `20.5` → `20,5` in Lithuanian; as it is in English. */
export function formatNumber(value: string, language: string): string {
  return language === 'en' ? value : value.replace('.', ',');
}

/** The date the rate of `kind` used is in force from, if the breakdown lists it. */
export function rateDate(b: FeeBreakdown, kind: string): string | null {
  return b.rates_used.find((r) => r.kind === kind)?.effective_from ?? null;
}

/** The lines of a breakdown, for `language`. */
export function breakdownLines(b: FeeBreakdown, language: string): BreakdownLine[] {
  const money = (v: string) => formatMoney(v, language);
  const lines: BreakdownLine[] = [];
  const income = b.income;
  if (income) {
    lines.push({ key: 'members', values: { members: income.members }, rule: 'R-FEE-1' });
    if (income.months.length > 0) {
      lines.push({ key: 'income_months', values: { months: income.months.join(', ') }, rule: 'R-FEE-1' });
    }
    lines.push({ key: 'income_per_member', values: { amount: money(income.income_per_member) }, rule: 'R-FEE-1' });
    if (b.cap_rate && income.base_income !== income.income_per_member) {
      lines.push({ key: 'base_income', values: { amount: money(income.base_income) }, rule: 'R-FEE-1' });
    }
    const vrpFrom = rateDate(b, 'vrp');
    lines.push({
      key: vrpFrom ? 'vrp_from' : 'vrp',
      values: { amount: money(income.vrp), date: formatDate(vrpFrom, language) },
      rule: 'R-FEE-0',
    });
    lines.push({ key: 'free_limit', values: { amount: money(income.free_limit) }, rule: 'R-FEE-0' });
  }
  if (b.band) lines.push({ key: `band.${b.band}`, values: {}, rule: 'R-FEE-0' });
  if (b.transport_tier) {
    lines.push({ key: `tier.${b.transport_tier}`, values: {}, rule: b.transport_tier === 'full_price' ? 'R-FEE-7' : 'R-FEE-5' });
  }
  if (b.hours !== null && b.hours !== undefined && b.hourly_price) {
    lines.push({
      key: 'hours',
      values: { hours: formatNumber(b.hours, language), price: money(b.hourly_price) },
      rule: 'R-FEE-3',
    });
  }
  b.trips.forEach((trip, i) => {
    if (trip.destination_free) {
      lines.push({ key: 'trip_free', values: { n: i + 1, km: formatNumber(trip.km_charged, language) }, rule: 'R-FEE-6' });
      return;
    }
    lines.push({
      key: 'trip',
      values: {
        n: i + 1,
        km: formatNumber(trip.km_charged, language),
        one_way: formatNumber(trip.km_one_way, language),
        per_km: money(trip.per_km),
        cost: money(trip.cost),
        fare: money(trip.fare),
      },
      rule: 'R-FEE-4',
    });
    if (Number(trip.reduction) > 0) {
      lines.push({ key: 'trip_reduction', values: { n: i + 1, amount: money(trip.reduction) }, rule: 'R-FEE-2' });
    }
  });
  lines.push({ key: 'cost', values: { amount: money(b.cost) }, rule: b.trips.length > 0 ? 'R-FEE-4' : 'R-FEE-3' });
  if (b.cap_amount && b.cap_rate) {
    lines.push({ key: 'cap', values: { rate: percent(b.cap_rate), amount: money(b.cap_amount) }, rule: 'R-FEE-1' });
  }
  if (b.floor_room !== null && b.floor_room !== undefined) {
    lines.push({ key: 'floor', values: { amount: money(b.floor_room) }, rule: 'R-FEE-2' });
  }
  lines.push({ key: 'fee', values: { amount: money(b.fee) }, rule: 'R-FEE-3' });
  lines.push({ key: `limited_by.${b.limited_by}`, values: {}, rule: limitRule(b) });
  return lines;
}

/** The rule behind what decided the fee. */
function limitRule(b: FeeBreakdown): string {
  switch (b.limited_by) {
    case 'free':
      return b.band === 'up_to2_free' || b.transport_tier === 'up_to2_free' ? 'R-FEE-0' : 'R-FEE-12';
    case 'cap':
      return 'R-FEE-1';
    case 'floor':
      return 'R-FEE-2';
    case 'tariff':
      return 'R-FEE-5';
    case 'cost':
      return 'R-FEE-3';
  }
}

/** The rules a breakdown applied, each once, in the order of its lines (the "why" disclosure). */
export function breakdownRules(b: FeeBreakdown, lines: readonly BreakdownLine[] = breakdownLines(b, 'lt')): string[] {
  const rules = new Set<string>();
  if (b.fee_rule) rules.add(b.fee_rule);
  for (const line of lines) if (line.rule) rules.add(line.rule);
  return [...rules];
}
