// Issue 11's delivery screens in Chromium, on the demo's Kelmė deliveries
// (crates/api/src/store/demo_deliveries.rs): the division specialist
// (who records deliveries and, unlike the eldership's social worker, may
// read these demo people's files for their names) opens the approved
// respite schedule (at home, 6 h and 2 visits a week), records a
// week of respite that reaches 10 h – a visit that would pass 10 h is
// refused with R-LIM-1's message, and so is a third visit once the week is
// full – and looks at the other screens (trips with the R-DL-4 hint, meal
// lists, coupons) and the person's file card.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test.use({ actionTimeout: 15_000 });

const SHOTS = process.env.E2E_SHOTS;

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Today in Lithuania, `YYYY-MM-DD`. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius' }).format(new Date());
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A past week the demo left empty: the demo's visits are in the last full
 * month and its schedule starts 30 days before it, so the ISO week two
 * weeks before that month lies wholly inside the schedule with no visit.
 */
function emptyWeekMonday(): string {
  const [y, m] = today().split('-').map(Number);
  const firstOfLastMonth = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 2, 1)).toISOString().slice(0, 10);
  const day = addDays(firstOfLastMonth, -14);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

async function fillVisit(dialog: Locator, date: string, hours: string) {
  const dateInput = dialog.getByRole('textbox', { name: 'Data' });
  await dateInput.fill(date);
  await dateInput.press('Tab');
  await dialog.getByRole('textbox', { name: 'Valandos' }).fill(hours);
  await dialog.getByRole('button', { name: 'Įrašyti apsilankymą' }).click();
}

test('a week of respite reaches 10 h; one visit more is refused with the R-LIM-1 message', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'division_specialist');
  await page.getByRole('navigation').getByRole('link', { name: 'Paslaugų teikimas' }).click();
  await expect(page.getByRole('heading', { name: 'Paslaugų teikimas', level: 1 })).toBeVisible();

  // The schedules: the demo's respite at home, approved.
  const respite = page.getByTestId('schedule-respite').filter({ hasText: 'Birutė Rimkienė' });
  await expect(respite).toContainText('Patvirtintas');
  await expect(respite).toContainText('Namuose');
  await expectNoSeriousA11yViolations(page);
  await shot(page, '1-schedules');
  await respite.getByRole('button', { name: 'Apsilankymai' }).click();

  // The visit log, week by week: the demo's weeks have 2 visits of 3 h.
  await expect(page.getByText('Birutė Rimkienė').first()).toBeVisible();
  await expect(page.getByTestId('year-hours')).toBeVisible();
  await expect(page.getByTestId('visit-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const monday = emptyWeekMonday();
  const tuesday = addDays(monday, 1);
  const thursday = addDays(monday, 3);
  const friday = addDays(monday, 4);
  const dialog = page.getByRole('dialog', { name: 'Įrašyti apsilankymą' });

  // Tuesday: 6 h.
  await page.getByRole('button', { name: 'Įrašyti apsilankymą' }).click();
  await fillVisit(dialog, tuesday, '6');
  await expect(dialog).toBeHidden();
  const week = page.getByTestId(`week-${monday}`);
  await expect(week.getByTestId('week-hours')).toContainText('6 iš 10 val.');

  // Thursday: 5 h would make 11 h – refused, nothing stored, the message in the form.
  await page.getByRole('button', { name: 'Įrašyti apsilankymą' }).click();
  await dialog.getByRole('textbox', { name: 'Data' }).fill(thursday);
  await dialog.getByRole('textbox', { name: 'Data' }).press('Tab');
  await expect(dialog.getByTestId('week-left')).toHaveText('Šią savaitę dar galima: 4 val., 1 apsilank.');
  await dialog.getByRole('textbox', { name: 'Valandos' }).fill('5');
  await dialog.getByRole('button', { name: 'Įrašyti apsilankymą' }).click();
  const refusal = dialog.getByTestId('refusal');
  await expect(refusal).toHaveText('Atokvėpio paslauga – ne daugiau kaip 10 val. per savaitę');
  await expect(refusal.locator('[data-rule="R-LIM-1"]')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await shot(page, '2-visit-refused');

  // 4 h fits: the week reaches 10 h in 2 visits.
  await dialog.getByRole('textbox', { name: 'Valandos' }).fill('4');
  await dialog.getByRole('button', { name: 'Įrašyti apsilankymą' }).click();
  await expect(dialog).toBeHidden();
  await expect(week.getByTestId('week-hours')).toContainText('10 iš 10 val.');
  await expect(week.getByTestId('week-visits')).toContainText('2 iš 2');
  await expect(week.getByTestId('visit-row')).toHaveCount(2);

  // One more visit that week is refused.
  await page.getByRole('button', { name: 'Įrašyti apsilankymą' }).click();
  await fillVisit(dialog, friday, '1');
  await expect(dialog.getByTestId('refusal')).toHaveText('Atokvėpio paslauga – ne dažniau kaip 2 kartus per savaitę');
  await shot(page, '3-week-full-refused');
  await dialog.getByRole('button', { name: 'Atšaukti' }).click();
  await expect(dialog).toBeHidden();
  await expect(week.getByTestId('visit-row')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await shot(page, '4-visits');

  // Trips: the demo's three, and the R-DL-4 hint before sending.
  await page.getByRole('tab', { name: 'Kelionės' }).click();
  await expect(page.getByTestId('trip-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, '5-trips');
  await page.getByRole('button', { name: 'Naujas kelionės prašymas' }).click();
  const trip = page.getByRole('dialog', { name: 'Naujas kelionės prašymas' });
  await expect(trip.getByTestId('earliest-trip')).toContainText('Anksčiausia galima kelionės data');
  await shot(page, '6-trip-form');
  await trip.getByRole('button', { name: 'Atšaukti' }).click();

  // Meal lists of a day, and coupons with their journal.
  await page.getByRole('tab', { name: 'Maitinimo sąrašai' }).click();
  await expect(page.getByRole('heading', { name: 'Maitinimo sąrašai' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, '7-meals');
  await page.getByRole('tab', { name: 'Talonai' }).click();
  const grant = page.getByTestId('coupon-grant').filter({ hasText: 'Darius Pocius' });
  await expect(grant).toContainText('30');
  await expect(grant).toContainText('20');
  await expectNoSeriousA11yViolations(page);
  await shot(page, '8-coupons');
});
