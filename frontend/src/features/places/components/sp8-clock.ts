// R-DL-5: the SP-8 application of a shelter arrival is due 48 hours after
// the arrival; the server computes the due moment and whether it is overdue,
// this only says how it stands for the reader.

export type Sp8State = 'filed' | 'overdue' | 'due_soon' | 'running' | 'none';

/** How a stay's SP-8 stands at `now`: filed, overdue, due within 12 hours, running; `none` for stays without the clock. */
export function sp8State(
  stay: { sp8_due_at?: string | null; sp8_application_id?: string | null; sp8_overdue: boolean },
  now: Date = new Date(),
): Sp8State {
  if (!stay.sp8_due_at) return 'none';
  if (stay.sp8_application_id) return 'filed';
  if (stay.sp8_overdue) return 'overdue';
  const hoursLeft = (new Date(stay.sp8_due_at).getTime() - now.getTime()) / 3_600_000;
  return hoursLeft <= 12 ? 'due_soon' : 'running';
}

/** `2026-12-03 14:05` in Lithuanian time (or `3 Dec 2026, 14:05`). */
export function formatDateTime(value: string, language: string): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone: 'Europe/Vilnius',
    year: 'numeric',
    month: language === 'en' ? 'short' : '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  };
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'lt-LT', options).format(new Date(value));
}
