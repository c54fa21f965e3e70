import { describe, expect, it } from 'vitest';
import { isShare, parseEuro, percentToShare, rateStatuses, shareToPercent, RATE_KINDS } from './rates';
import type { RateKind } from './rates';

describe('rate values', () => {
  it('knows which kinds are shares (caps, care shares) and which are euro', () => {
    const shares = RATE_KINDS.filter(isShare);
    expect(shares).toContain('home_help_cap_2_3');
    expect(shares).toContain('care_income_share');
    expect(shares).toContain('day_care_family_cap_5');
    expect(isShare('transport_tariff_2_3')).toBe(false);
    expect(isShare('care_asset_normative')).toBe(false);
    expect(isShare('vrp')).toBe(false);
    expect(shares).toHaveLength(15);
  });

  it('turns percentages into exact shares', () => {
    expect(percentToShare('10')).toBe('0.1');
    expect(percentToShare('12,5')).toBe('0.125');
    expect(percentToShare('0,01')).toBe('0.0001');
    expect(percentToShare('100')).toBe('1');
    expect(percentToShare('0')).toBe('0');
    expect(percentToShare('33.33')).toBe('0.3333');
  });

  it('refuses what is not a percentage', () => {
    for (const bad of ['', 'abc', '-5', '100,01', '101', '12,345', '1e2']) expect(percentToShare(bad)).toBeNull();
  });

  it('shows shares as percentages and back', () => {
    expect(shareToPercent('0.1')).toBe('10');
    expect(shareToPercent('0.125')).toBe('12.5');
    expect(shareToPercent('1')).toBe('100');
    expect(shareToPercent('0')).toBe('0');
    expect(shareToPercent('0.0001')).toBe('0.01');
    for (const p of ['10', '12.5', '0.01', '33.33', '100']) expect(shareToPercent(percentToShare(p) ?? '')).toBe(p);
  });

  it('reads euro amounts with a comma or a point', () => {
    expect(parseEuro('245')).toBe('245');
    expect(parseEuro('6,50')).toBe('6.50');
    expect(parseEuro(' 7.1 ')).toBe('7.1');
    for (const bad of ['', '-1', '1,234', '1.2.3', 'x']) expect(parseEuro(bad)).toBeNull();
  });
});

describe('rate statuses', () => {
  const rate = (id: string, kind: RateKind, valid_from: string) => ({ id, kind, valid_from, value: '1', note: null });

  it('marks per kind the newest value from today or earlier as in force', () => {
    const statuses = rateStatuses(
      [
        rate('v27', 'vrp', '2027-01-01'),
        rate('v26', 'vrp', '2026-01-01'),
        rate('v25', 'vrp', '2025-01-01'),
        rate('p', 'home_help_hourly_price', '2026-11-23'),
      ],
      '2026-11-23',
    );
    expect(statuses.get('v27')).toBe('planned');
    expect(statuses.get('v26')).toBe('in_force');
    expect(statuses.get('v25')).toBe('past');
    expect(statuses.get('p')).toBe('in_force');
  });
});
