// Issue 11's payment screens end to end in Chromium, on the Kelmė demo: a
// care stay gets its fee terms (in the background, through the API), then
// the division specialist runs last month's charges — this month is refused
// first — watches the run reach done, reads the result table, downloads the
// CSV for the accounting system, checks its header and rows, and runs the
// month again (nothing changes, and the screen says so). The fee
// calculator works out a typed-in household's home-help fee line by line;
// the aids screen and the person's charges card are checked for a11y.
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiToken, expectNoSeriousA11yViolations, logIn } from './support';

test.use({ actionTimeout: 15_000 });

const SHOTS = '/tmp/shots-e2';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Chooses `option` in a Mantine select labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).or(page.getByRole('textbox', { name: label })).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const LT_MONTHS = ['sausis', 'vasaris', 'kovas', 'balandis', 'gegužė', 'birželis', 'liepa', 'rugpjūtis', 'rugsėjis', 'spalis', 'lapkritis', 'gruodis'];

/** Today in Lithuania, `YYYY-MM-DD`. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius' }).format(new Date());
}

/** `YYYY-MM` of this month shifted by `delta`, and its label as the SPA shows it. */
function month(delta: number): { code: string; label: string } {
  const [y, m] = today().split('-').map(Number) as [number, number];
  const i = m - 1 + delta;
  const yy = y + Math.floor(i / 12);
  const mm = ((i % 12) + 12) % 12;
  return { code: `${yy}-${String(mm + 1).padStart(2, '0')}`, label: `${yy} m. ${LT_MONTHS[mm]}` };
}

test('the monthly charges run for last month shows its progress and result, and the CSV downloads', async ({ page, request }) => {
  test.setTimeout(120_000);
  // A resident of the group living home gets her care fee terms (R-FEE-8).
  const token = await apiToken(request, 'division_specialist');
  const headers = { Authorization: `Bearer ${token}` };
  const stays = (
    (await (await request.get('/api/v1/stays?open=true&per_page=100', { headers })).json()) as {
      items: { id: string; person_name: string; started_on: string }[];
    }
  ).items;
  const stay = stays.find((s) => s.person_name === 'Stasė Paulauskienė');
  expect(stay).toBeDefined();
  const terms = await request.put(`/api/v1/stays/${stay!.id}/fee-terms`, {
    headers,
    data: { effective_from: stay!.started_on, target_compensation: '246.75', assets_over_normative: '0', adult: true },
  });
  expect(terms.status()).toBe(200);

  await logIn(page, 'division_specialist');
  await page.getByRole('navigation').getByRole('link', { name: 'Mėnesio mokėjimai' }).click();
  await expect(page.getByRole('heading', { name: 'Mėnesio mokėjimai už paslaugas' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // This month has not ended: refused with the reason.
  await choose(page, 'Mėnuo', month(0).label);
  await page.getByRole('button', { name: 'Skaičiuoti', exact: true }).click();
  await expect(page.getByTestId('start-error')).toHaveText('Mokesčių skaičiavimas atliekamas tik už pasibaigusį mėnesį.');

  // Last month runs; the progress reaches done.
  const last = month(-1);
  await choose(page, 'Mėnuo', last.label);
  await expect(page.getByTestId('start-error')).toBeHidden();
  await page.getByRole('button', { name: 'Skaičiuoti', exact: true }).click();
  const panel = page.getByTestId('run-panel');
  await expect(panel.getByRole('heading', { name: `${last.label}, 1-asis skaičiavimas` })).toBeVisible();
  await expect(panel.getByRole('progressbar', { name: 'Skaičiavimo eiga' })).toBeVisible();
  await expect(panel.getByText('Baigta')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByTestId('run-processed')).toHaveText(/Apskaičiuota gavėjų: (\d+) iš \1 \(100 %\)/);
  await expect(panel.getByRole('progressbar', { name: 'Skaičiavimo eiga' })).toHaveAttribute('aria-valuenow', '100');

  // The result: her line and the totals, as the API computed them (her
  // care fee is 80 % of her demo income plus the 246.75 € compensation).
  const runs = (await (await request.get('/api/v1/charge-runs', { headers })).json()) as {
    items: { id: string; month: string; version: number; total_amount: string }[];
  };
  const run = runs.items.find((r) => r.month === last.code && r.version === 1);
  expect(run).toBeDefined();
  const lines = (await (await request.get(`/api/v1/charge-runs/${run!.id}/charges?per_page=100`, { headers })).json()) as {
    items: { person_name: string; service_code: string; amount: string }[];
  };
  const hers = lines.items.find((l) => l.person_name === 'Stasė Paulauskienė' && l.service_code.startsWith('group_living'));
  expect(hers).toBeDefined();
  expect(Number(hers!.amount)).toBeGreaterThan(246.75);
  /** An amount as the SPA shows it (`formatMoney` in Lithuanian). */
  const euros = (amount: string) =>
    new Intl.NumberFormat('lt-LT', { style: 'currency', currency: 'EUR' }).format(Number(amount));
  const line = panel.getByTestId('charge-line').filter({ hasText: 'Stasė Paulauskienė' }).filter({ hasText: 'Socialinė globa' });
  await expect(line).toContainText(euros(hers!.amount));
  await expect(panel.getByTestId('run-totals')).toContainText(euros(run!.total_amount));
  // The demo's other residents have no income recorded: not charged, and
  // listed with the months missing (R-FEE-1).
  await expect(panel.getByTestId('run-problems')).toContainText('neįrašytos pajamos už mėnesius');
  await expect(page.getByTestId(`run-${last.code}-1`)).toContainText('Baigta');
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'charges');

  // The CSV for the accounting system.
  const [download, csv] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => r.url().endsWith('/export.csv')),
    panel.getByRole('button', { name: 'Atsisiųsti CSV' }).click(),
  ]);
  expect(csv.status()).toBe(200);
  expect(download.suggestedFilename()).toBe(`mokesciai-${last.code}.csv`);
  const rows = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  expect(rows[0]).toBe('asmens_kodas;vardas_pavarde;paslauga;laikotarpis;kiekis;vienetas;suma_eur;taisykle;saltinis;saltinio_id');
  expect(rows.length).toBeGreaterThan(1);
  expect(rows.some((r) => r.includes('Stasė Paulauskienė') && r.includes(hers!.amount.replace('.', ',')))).toBe(true);

  // Run again: idempotent — nothing changed, and the screen says so.
  await page.getByRole('button', { name: 'Skaičiuoti', exact: true }).click();
  await expect(panel.getByRole('heading', { name: `${last.label}, 2-asis skaičiavimas` })).toBeVisible();
  await expect(panel.getByText('Nuo ankstesnio skaičiavimo niekas nepasikeitė')).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole('heading', { name: 'Kas pasikeitė nuo ankstesnio skaičiavimo' })).toBeVisible();
  await expect(panel.getByText('Sumos nepasikeitė.')).toBeVisible();
  await expect(page.getByTestId(`run-${last.code}-2`)).toContainText('Baigta');

  // Her file shows what she pays, month by month.
  await line.getByRole('link', { name: 'Stasė Paulauskienė' }).click();
  const card = page.getByTestId('person-charges');
  await expect(card).toContainText(last.label);
  await expect(card).toContainText(euros(hers!.amount));
  await expectNoSeriousA11yViolations(page);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'person-charges');
});

test('the fee calculator works out a typed-in household line by line, the rules under "Kodėl?"', async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, 'division_specialist');
  await page.getByRole('navigation').getByRole('link', { name: 'Mokėjimo skaičiuoklė' }).click();
  await expect(page.getByRole('heading', { name: 'Mokėjimo už paslaugas skaičiuoklė' })).toBeVisible();
  await choose(page, 'Paslauga', 'Pagalba į namus');
  await page.getByRole('textbox', { name: 'Asmuo, kuriam teikiama paslauga' }).fill('800');
  await page.getByRole('textbox', { name: 'Valandų per mėnesį' }).fill('20');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Skaičiuoti' }).click();

  const result = page.getByTestId('fee-breakdown');
  await expect(result.getByTestId('fee-amount')).toHaveText(/80,00\s€ per mėn\./);
  const lines = result.getByTestId('fee-lines');
  await expect(lines).toContainText(/Vidutinės pajamos vienam šeimos nariui: 800,00\s€/);
  await expect(lines).toContainText('Valstybės remiamos pajamos (VRP)');
  await expect(lines).toContainText('Pajamų grupė: nuo 3 iki 4 VRP');
  await expect(lines).toContainText(/20 val\. × 6,50\s€ už valandą/);
  await expect(lines).toContainText(/Paslaugos kaina: 130,00\s€/);
  await expect(lines).toContainText(/Didžiausias mokėjimas: 10 % pajamų = 80,00\s€/);
  await expect(lines).toContainText('Sumą lėmė: didžiausia leistina pajamų dalis');
  await expect(lines).not.toContainText('R-FEE');
  await result.getByRole('button', { name: 'Kodėl?' }).click();
  await expect(result.getByText(/Taikytos taisyklės: R-FEE-1/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'fee-calculator');

  // The fee reviews of this month.
  await page.getByRole('link', { name: 'Mokėjimų peržiūra' }).first().click();
  await expect(page.getByRole('heading', { name: 'Mokėjimų, kurie keistųsi, peržiūra' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'fee-reviews');
});

test('technical aids: the inventory, stock, loans and waiting list open', async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, 'division_specialist');
  await page.getByRole('navigation').getByRole('link', { name: 'Techninės pagalbos priemonės' }).click();
  await expect(page.getByRole('heading', { name: 'Techninės pagalbos priemonės' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, 'aids-inventory');
  // Issuing an available item shows the fee before confirming (R-FEE-10).
  const issue = page.getByRole('button', { name: /^Išduoti priemonę / }).first();
  if (await issue.isVisible()) {
    await issue.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('loan-fee')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await shot(page, 'aids-issue');
    await dialog.getByRole('button', { name: 'Atšaukti' }).click();
  }
  for (const [tab, heading, name] of [
    ['Likučiai', 'Likučiai pagal rūšį', 'aids-stock'],
    ['Išduotos', 'Išduotos priemonės', 'aids-loans'],
    ['Laukiantieji', 'Laukiančiųjų sąrašas', 'aids-waiting'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await shot(page, name);
  }
});
