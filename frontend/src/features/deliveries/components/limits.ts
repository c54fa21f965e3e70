// Pure helpers of the delivery screens: ISO weeks, a schedule's visits
// week by week against the respite limits (R-LIM-1), the year's hours, and
// the earliest day a trip may be requested for (R-DL-4 with the Lithuanian
// working days of R-DL-6). The server decides; these only show the figures
// before and after it does.

/** R-LIM-1: respite at home, at most 10 hours a week… */
export const RESPITE_WEEK_HOURS = 10;
/** …at most 2 visits a week… */
export const RESPITE_WEEK_VISITS = 2;
/** …and at most 208 hours a calendar year. */
export const RESPITE_YEAR_HOURS = 208;
/** R-DL-4: a trip is requested at least 5 working days ahead. */
export const TRIP_LEAD_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (`YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return toIso(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** The ISO week of `date`: its ISO year, number and Monday. */
export function isoWeek(date: string): { year: number; week: number; monday: string } {
  const d = toUtc(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = new Date(d.getTime() - weekday * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * DAY_MS);
  const week = Math.round((monday.getTime() - firstMonday.getTime()) / (7 * DAY_MS)) + 1;
  return { year, week, monday: toIso(monday) };
}

/** Hours as hundredths, so that sums of `"2.5"` and `"0.1"` stay exact. */
function hundredths(hours: string): number {
  return Math.round(Number.parseFloat(hours) * 100);
}

export interface LoggedVisit {
  id: string;
  date: string;
  /** The hours that count (R-LIM-3), as the API's decimal string. */
  countable_hours: string;
}

export interface VisitWeek<V extends LoggedVisit> {
  /** `2026-W48`. */
  key: string;
  year: number;
  week: number;
  monday: string;
  sunday: string;
  /** Oldest first. */
  visits: V[];
  /** The countable hours of the week. */
  hours: number;
}

/** The visits grouped by ISO week, the newest week first. */
export function groupByWeek<V extends LoggedVisit>(visits: readonly V[]): VisitWeek<V>[] {
  const weeks = new Map<string, VisitWeek<V> & { sum: number }>();
  for (const visit of visits) {
    const { year, week, monday } = isoWeek(visit.date);
    const key = `${year}-W${String(week).padStart(2, '0')}`;
    let entry = weeks.get(key);
    if (!entry) {
      entry = { key, year, week, monday, sunday: addDays(monday, 6), visits: [], hours: 0, sum: 0 };
      weeks.set(key, entry);
    }
    entry.visits.push(visit);
    entry.sum += hundredths(visit.countable_hours);
  }
  return [...weeks.values()]
    .map(({ sum, ...w }) => ({ ...w, hours: sum / 100, visits: [...w.visits].sort((a, b) => a.date.localeCompare(b.date)) }))
    .sort((a, b) => b.monday.localeCompare(a.monday));
}

/** The countable hours of the visits in calendar year `year`. */
export function yearHours(visits: readonly LoggedVisit[], year: number): number {
  return visits.filter((v) => v.date.startsWith(`${year}-`)).reduce((sum, v) => sum + hundredths(v.countable_hours), 0) / 100;
}

export interface LimitProgress {
  used: number;
  limit: number;
  /** 0–100, for a progress bar. */
  percent: number;
  left: number;
  state: 'ok' | 'full' | 'over';
}

/** How much of a limit is used. */
export function limitProgress(used: number, limit: number): LimitProgress {
  const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100;
  return { used, limit, percent, left: Math.max(0, Math.round((limit - used) * 100) / 100), state: used > limit ? 'over' : used === limit ? 'full' : 'ok' };
}

/** R-LIM-1: a respite week's hours and visits against 10 h and 2 visits. */
export function respiteWeek(week: { hours: number; visits: readonly unknown[] }): { hours: LimitProgress; visits: LimitProgress } {
  return { hours: limitProgress(week.hours, RESPITE_WEEK_HOURS), visits: limitProgress(week.visits.length, RESPITE_WEEK_VISITS) };
}

/** Western Easter Sunday of `year` (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIXED_HOLIDAYS = ['01-01', '02-16', '03-11', '05-01', '06-24', '07-06', '08-15', '11-01', '11-02', '12-24', '12-25', '12-26'];

/** R-DL-6: a Lithuanian working day (not a weekend, not a public holiday). */
export function isWorkingDay(date: string): boolean {
  const weekday = toUtc(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  if (FIXED_HOLIDAYS.includes(md) && !(md === '11-02' && year < 2020)) return false;
  const easter = easterSunday(year);
  return date !== addDays(easter, 1);
}

/**
 * R-DL-4: the first day a trip may be on when requested on `requestedOn`:
 * at least 5 working days from the request's day up to the day before the
 * trip (a request on Monday may be for the next Monday).
 */
export function earliestTripDay(requestedOn: string): string {
  let counted = 0;
  let day = requestedOn;
  while (counted < TRIP_LEAD_WORKING_DAYS) {
    if (isWorkingDay(day)) counted += 1;
    day = addDays(day, 1);
  }
  return day;
}
