import { describe, expect, it } from 'vitest';
import { inRange, parameterStatus, sameParameters } from './procedure-parameters';

describe('procedure parameters', () => {
  it('takes whole numbers within the range only', () => {
    expect(inRange(1, 1, 30)).toBe(true);
    expect(inRange('30', 1, 30)).toBe(true);
    for (const bad of [0, 31, 2.5, '', ' ', 'x', -1]) expect(inRange(bad, 1, 30)).toBe(false);
  });

  it('tells a set in force from a planned and a replaced one', () => {
    expect(parameterStatus({ in_force: true, valid_from: '2026-01-01' }, '2026-11-23')).toBe('in_force');
    expect(parameterStatus({ in_force: false, valid_from: '2027-01-01' }, '2026-11-23')).toBe('planned');
    expect(parameterStatus({ in_force: false, valid_from: '2025-01-01' }, '2026-11-23')).toBe('past');
  });

  it('compares the terms, not the dates', () => {
    const terms = { assignment_working_days: 1, first_meeting_working_days: 10, review_interval_months: 6 };
    expect(sameParameters(terms, { ...terms })).toBe(true);
    expect(sameParameters(terms, { ...terms, review_interval_months: 3 })).toBe(false);
  });
});
