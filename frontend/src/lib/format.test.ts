import { describe, expect, it } from 'vitest';
import { daysUntil, formatMoney, todayInLithuania, urgency } from './format';

describe('formatting', () => {
  it('money in Lithuanian and English', () => {
    expect(formatMoney('70.00', 'lt').replace(/\s/g, ' ')).toBe('70,00 €');
    expect(formatMoney('70.00', 'en')).toBe('€70.00');
    expect(formatMoney(null, 'lt')).toBe('—');
  });

  it('today is the Lithuanian date', () => {
    expect(todayInLithuania(new Date('2026-11-23T22:30:00Z'))).toBe('2026-11-24');
    expect(todayInLithuania(new Date('2026-11-23T21:30:00Z'))).toBe('2026-11-23');
  });

  it('urgency of due dates', () => {
    expect(daysUntil('2026-12-28', '2026-12-24')).toBe(4);
    expect(urgency('2026-12-28', false, '2026-12-24')).toBe('ok');
    expect(urgency('2026-12-28', false, '2026-12-25')).toBe('soon');
    expect(urgency('2026-12-28', true, '2026-12-29')).toBe('overdue');
    expect(urgency(null, false, '2026-12-29')).toBe('none');
  });
});
