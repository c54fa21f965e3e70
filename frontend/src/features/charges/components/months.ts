// Months as the charges screens show and send them: the API's `YYYY-MM`,
// the months one may choose for a run, and a run's progress.

const LT_MONTHS = [
  'sausis',
  'vasaris',
  'kovas',
  'balandis',
  'gegužė',
  'birželis',
  'liepa',
  'rugpjūtis',
  'rugsėjis',
  'spalis',
  'lapkritis',
  'gruodis',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-11` → `2026 m. lapkritis` (lt) or `November 2026` (en); anything else as it is. */
export function formatMonth(month: string, language: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const index = m ? Number(m[2]) - 1 : -1;
  if (!m || index < 0 || index > 11) return month;
  return language === 'en' ? `${EN_MONTHS[index]} ${m[1]}` : `${m[1]} m. ${LT_MONTHS[index]}`;
}

/** The month of `today` (`YYYY-MM-DD`) shifted by `delta` months, as `YYYY-MM`. */
export function shiftMonth(today: string, delta: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 + delta;
  const y = year + Math.floor(month / 12);
  const mm = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** The month before `today`'s: the latest month a run may be started for. */
export function previousMonth(today: string): string {
  return shiftMonth(today, -1);
}

/**
 * The months offered for a run, newest first: this month (not ended — the
 * server refuses it, and the screen shows why) and the `count` before it.
 */
export function runMonthChoices(today: string, count = 12): string[] {
  return Array.from({ length: count + 1 }, (_, i) => shiftMonth(today, -i));
}

/** A run's progress in whole percent (0–100); a run with nobody to charge is done at 100. */
export function progressPercent(run: { processed_recipients: number; total_recipients: number; status: string }): number {
  if (run.total_recipients <= 0) return run.status === 'running' ? 0 : 100;
  const p = Math.floor((run.processed_recipients / run.total_recipients) * 100);
  return Math.min(100, Math.max(0, p));
}

/** `30` → `30`, `12.5` → `12,5` (lt) or `12.5` (en). */
export function formatQuantity(quantity: string, language: string): string {
  return language === 'en' ? quantity : quantity.replace('.', ',');
}
