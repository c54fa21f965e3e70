import { describe, expect, it } from 'vitest';
import { earliestTripDay, groupByWeek, isoWeek, isWorkingDay, limitProgress, respiteWeek, yearHours } from './limits';

const v = (id: string, date: string, countable_hours: string) => ({ id, date, countable_hours });

describe('ISO weeks', () => {
  it('runs Monday to Sunday and belongs to the year of its Thursday', () => {
    expect(isoWeek('2026-12-03')).toEqual({ year: 2026, week: 49, monday: '2026-11-30' });
    expect(isoWeek('2026-12-06')).toEqual({ year: 2026, week: 49, monday: '2026-11-30' });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53, monday: '2026-12-28' });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1, monday: '2024-12-30' });
  });
});

describe('a schedule’s visits week by week', () => {
  const visits = [v('a', '2026-11-03', '3'), v('b', '2026-11-05', '3'), v('c', '2026-11-10', '6'), v('d', '2026-11-12', '4')];

  it('groups by ISO week, newest week first, with the countable hours summed exactly', () => {
    const weeks = groupByWeek(visits);
    expect(weeks.map((w) => [w.key, w.monday, w.sunday, w.hours, w.visits.map((x) => x.id)])).toEqual([
      ['2026-W46', '2026-11-09', '2026-11-15', 10, ['c', 'd']],
      ['2026-W45', '2026-11-02', '2026-11-08', 6, ['a', 'b']],
    ]);
    expect(groupByWeek([v('x', '2026-01-05', '0.1'), v('y', '2026-01-06', '0.2')])[0]?.hours).toBe(0.3);
  });

  it('r_lim_1: a week of 10 h in 2 visits is full, 6 h leaves 4 h', () => {
    const [full, half] = groupByWeek(visits);
    expect(full && respiteWeek(full)).toMatchObject({ hours: { used: 10, left: 0, state: 'full', percent: 100 }, visits: { used: 2, state: 'full' } });
    expect(half && respiteWeek(half).hours).toMatchObject({ used: 6, left: 4, state: 'ok', percent: 60 });
  });

  it('r_lim_1: the year’s hours against 208', () => {
    expect(yearHours([...visits, v('e', '2025-12-30', '5')], 2026)).toBe(16);
    expect(limitProgress(208, 208).state).toBe('full');
    expect(limitProgress(208.5, 208)).toMatchObject({ state: 'over', percent: 100, left: 0 });
  });
});

describe('R-DL-4 the earliest trip day', () => {
  it('knows the Lithuanian public holidays (R-DL-6)', () => {
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday 2027
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-03')).toBe(true);
  });

  it('r_dl_4: five working days from the request’s day up to the day before the trip', () => {
    // Monday 23 … Friday 27 November: the trip may be on Saturday 28th, not on Friday.
    expect(earliestTripDay('2026-11-23')).toBe('2026-11-28');
    expect(earliestTripDay('2026-11-24')).toBe('2026-12-01');
  });

  it('r_dl_4: holidays do not count', () => {
    // Thursday 2026-12-17: 17, 18, 21, 22, 23 are working days; 24–26 are holidays.
    expect(earliestTripDay('2026-12-17')).toBe('2026-12-24');
    // From Monday 2026-12-21: 21, 22, 23, 28, 29.
    expect(earliestTripDay('2026-12-21')).toBe('2026-12-30');
  });
});
