import { describe, expect, it } from 'vitest';
import { issueFee, priceOn, refundOn } from './aid-fees';

// The seed's table, in force since 2017-01-02 (R-FEE-10, R-FEE-11).
const PRICES = [
  { aid_type: 'automatic_bed', valid_from: '2017-01-02', fee_new: '72.00', fee_used: '35.00', refund_new: '29.00', refund_used: '15.00' },
  { aid_type: 'manual_bed', valid_from: '2017-01-02', fee_new: '43.00', fee_used: '20.00', refund_new: '15.00', refund_used: '8.00' },
  { aid_type: 'commode_chair', valid_from: '2017-01-02', fee_new: '6.00', fee_used: '3.00', refund_new: '0.00', refund_used: '0.00' },
  { aid_type: 'walker_with_table', valid_from: '2017-01-02', fee_new: '9.00', fee_used: '5.00', refund_new: '0.00', refund_used: '0.00' },
] as const;

describe('the fee of a loan shown before issuing (R-FEE-10)', () => {
  it('r_fee_10 takes the column of a new or re-issued item', () => {
    expect(issueFee(PRICES, 'automatic_bed', 'new', '2026-12-03')).toBe('72.00');
    expect(issueFee(PRICES, 'automatic_bed', 'used', '2026-12-03')).toBe('35.00');
    expect(issueFee(PRICES, 'manual_bed', 'new', '2026-12-03')).toBe('43.00');
    expect(issueFee(PRICES, 'commode_chair', 'used', '2026-12-03')).toBe('3.00');
    expect(issueFee(PRICES, 'walker_with_table', 'new', '2026-12-03')).toBe('9.00');
  });

  it('r_fee_10 a type not in the table is lent free; before the table, no price', () => {
    expect(issueFee(PRICES, 'wheelchair', 'new', '2026-12-03')).toBe('0');
    expect(issueFee(PRICES, 'automatic_bed', 'new', '2017-01-01')).toBeNull();
    expect(priceOn(PRICES, 'automatic_bed', '2017-01-02')?.fee_new).toBe('72.00');
  });
});

describe('the refund shown at a return (R-FEE-11)', () => {
  const loan = { aid_type: 'automatic_bed', newness: 'new', issued_on: '2026-01-10', refund_until: '2027-01-10' } as const;

  it('r_fee_11 a bed back within 12 months earns its refund', () => {
    expect(refundOn(PRICES, loan, '2027-01-10')).toBe('29.00');
    expect(refundOn(PRICES, { ...loan, newness: 'used' }, '2026-06-01')).toBe('15.00');
    expect(refundOn(PRICES, { ...loan, aid_type: 'manual_bed', newness: 'used' }, '2026-06-01')).toBe('8.00');
  });

  it('r_fee_11 later, or not a bed: no refund', () => {
    expect(refundOn(PRICES, loan, '2027-01-11')).toBeNull();
    expect(refundOn(PRICES, { ...loan, aid_type: 'commode_chair' }, '2026-06-01')).toBeNull();
  });
});
