// What a loan costs and what comes back, shown before the staff confirm:
// the one-time fee of R-FEE-10 from the price table in force on the issue
// day, and the refund of R-FEE-11 for a bed back within 12 months. The
// server decides; these only show the same figures ahead.

import type { components } from '@/api/schema';

type AidPriceView = components['schemas']['AidPriceView'];
type AidType = components['schemas']['AidType'];
type Newness = components['schemas']['Newness'];

/** The prices of `aidType` in force on `on` (`YYYY-MM-DD`), or null: a type lent free, or no price yet. */
export function priceOn(prices: readonly AidPriceView[], aidType: AidType, on: string): AidPriceView | null {
  let best: AidPriceView | null = null;
  for (const p of prices) {
    if (p.aid_type !== aidType || p.valid_from > on) continue;
    if (!best || p.valid_from > best.valid_from) best = p;
  }
  return best;
}

/** Whether the type has a fee at all (the seed's table: beds, commode chairs, walkers). */
export function hasFee(prices: readonly AidPriceView[], aidType: AidType): boolean {
  return prices.some((p) => p.aid_type === aidType);
}

/** R-FEE-10: the one-time fee of issuing an item of `aidType`, new or re-issued, on `on`; `0` for a type lent free. */
export function issueFee(prices: readonly AidPriceView[], aidType: AidType, newness: Newness, on: string): string | null {
  if (!hasFee(prices, aidType)) return '0';
  const p = priceOn(prices, aidType, on);
  if (!p) return null;
  return newness === 'new' ? p.fee_new : p.fee_used;
}

/**
 * R-FEE-11: the refund of a loan returned on `returnedOn`: a bed back by its
 * `refund_until` day earns the refund of its column; anything else none.
 */
export function refundOn(
  prices: readonly AidPriceView[],
  loan: { aid_type: AidType; newness: Newness; issued_on: string; refund_until: string },
  returnedOn: string,
): string | null {
  if (returnedOn > loan.refund_until) return null;
  const p = priceOn(prices, loan.aid_type, loan.issued_on);
  if (!p) return null;
  const refund = loan.newness === 'new' ? p.refund_new : p.refund_used;
  return Number(refund) > 0 ? refund : null;
}
