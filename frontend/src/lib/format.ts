// Dates and money as Lithuanian (or English) readers expect them. Dates from
// the API are `YYYY-MM-DD` legal dates: never shifted through time zones.

import dayjs from 'dayjs';
import './dayjs-locale';

/** `2026-12-28` → `2026-12-28` (lt) or `28 Dec 2026` (en). */
export function formatDate(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  const d = dayjs(value, 'YYYY-MM-DD');
  return language === 'en' ? d.format('D MMM YYYY') : d.format('YYYY-MM-DD');
}

/** `70.00` → `70,00 €` (lt) or `€70.00` (en). */
export function formatMoney(value: string | null | undefined, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (Number.isNaN(n)) return value;
  return new Intl.NumberFormat(language === 'en' ? 'en-IE' : 'lt-LT', { style: 'currency', currency: 'EUR' }).format(n);
}

/** Today's date in Lithuania as `YYYY-MM-DD`. */
export function todayInLithuania(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius' }).format(now);
}

/** Whole days from today to `date` (negative when past). */
export function daysUntil(date: string, today: string = todayInLithuania()): number {
  return dayjs(date, 'YYYY-MM-DD').diff(dayjs(today, 'YYYY-MM-DD'), 'day');
}

/** How urgent a due date is: `overdue`, `soon` (3 days or less), `ok`, or `none`. */
export function urgency(due: string | null | undefined, overdue: boolean, today?: string): 'overdue' | 'soon' | 'ok' | 'none' {
  if (overdue) return 'overdue';
  if (!due) return 'none';
  return daysUntil(due, today) <= 3 ? 'soon' : 'ok';
}
