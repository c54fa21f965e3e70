import { describe, expect, it } from 'vitest';
import { sp8State } from './sp8-clock';

const NOW = new Date('2026-12-03T10:00:00Z');

describe('r_dl_5 SP-8 clock', () => {
  it('has no clock for stays that are not shelter arrivals', () => {
    expect(sp8State({ sp8_due_at: null, sp8_overdue: false }, NOW)).toBe('none');
  });

  it('is filed once the application is in, even after the due moment', () => {
    expect(sp8State({ sp8_due_at: '2026-12-02T10:00:00Z', sp8_application_id: 'a', sp8_overdue: false }, NOW)).toBe('filed');
  });

  it('is overdue as the server says, due soon within 12 hours, else running', () => {
    expect(sp8State({ sp8_due_at: '2026-12-03T09:00:00Z', sp8_overdue: true }, NOW)).toBe('overdue');
    expect(sp8State({ sp8_due_at: '2026-12-03T21:00:00Z', sp8_overdue: false }, NOW)).toBe('due_soon');
    expect(sp8State({ sp8_due_at: '2026-12-05T10:00:00Z', sp8_overdue: false }, NOW)).toBe('running');
  });
});
