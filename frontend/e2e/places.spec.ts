// Issue 10 end to end in Chromium, on the demo's full Kelmė GGN long-term
// queue (crates/api/src/store/demo_places.rs): the division specialist
// opens the board, ends a resident's stay; the freed place is offered to
// the first in line, who accepts; the specialist passes the admission
// checklist (with the F027/a extract) and admits. The board updates: the
// second in line is now first, and their position history says why. Last,
// someone is removed from the queue with a reason.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test.use({ actionTimeout: 15_000 });

/** Chooses `option` in a Mantine select labelled `label`. */
async function choose(scope: Page | Locator, label: string | RegExp, option: string | RegExp) {
  const input = scope.getByRole('combobox', { name: label }).or(scope.getByRole('textbox', { name: label })).first();
  await input.click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).first().click();
}

/** Today in Lithuania, `YYYY-MM-DD`. */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Vilnius' }).format(new Date());
}

test('a stay ends, the first in line is offered the place, accepts and moves in; the queue moves up', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, 'division_specialist');
  await page.getByRole('navigation').getByRole('link', { name: 'Vietos ir eilės' }).click();
  await expect(page.getByRole('heading', { name: 'Vietos ir eilės' })).toBeVisible();
  const row = page.getByTestId('place-ggn-long_term_care');
  await expect(row).toContainText('Ilgalaikė socialinė globa');
  await expectNoSeriousA11yViolations(page);
  await row.getByRole('link', { name: 'Ilgalaikė socialinė globa' }).click();

  // The full queue: 8 of 8 places taken, four waiting in R-Q-3 order.
  await expect(page.getByRole('heading', { name: 'Grupinio gyvenimo namai' })).toBeVisible();
  await expect(page.getByTestId('free-places')).toHaveText('Laisva: 0');
  await expect(page.getByTestId('entry-1')).toContainText('Aldona Grigienė');
  await expect(page.getByTestId('entry-2')).toContainText('Vytautas Mockus');
  await expect(page.getByTestId('entry-1')).toContainText('~183 d.');
  await expect(page.getByTestId('estimate-basis')).toContainText('(2)');
  await expectNoSeriousA11yViolations(page);

  // The last in line moved back as people with earlier decisions joined.
  await page.getByRole('button', { name: 'Vietos eilėje istorija: Algirdas Lukošius' }).click();
  const history = page.getByRole('dialog', { name: 'Vietos eilėje istorija' });
  await expect(history.getByTestId('position-history')).toContainText('Prieš jus įrašytas asmuo su ankstesne sprendimo data');
  await history.getByRole('button', { name: 'Uždaryti' }).or(history.locator('.mantine-Modal-close')).first().click();
  await expect(history).toBeHidden();

  // A resident moves out: the place goes to the first in line at once.
  const stay = page.getByTestId('stay-row').filter({ hasText: 'Jonas Petraitis' });
  await stay.getByRole('button', { name: 'Baigti apgyvendinimą' }).click();
  const end = page.getByRole('dialog', { name: /Baigti apgyvendinimą: Jonas Petraitis/ });
  await choose(end, 'Priežastis', 'Išsikėlė');
  await end.getByRole('button', { name: 'Baigti', exact: true }).click();
  await expect(end).toBeHidden();
  await expect(page.getByText(/Atlaisvinta vieta pasiūlyta: Aldona Grigienė/)).toBeVisible();
  const offer = page.getByTestId('offer-row').filter({ hasText: 'Aldona Grigienė' });
  await expect(offer).toContainText('Laukiama atsakymo');
  await expect(page.getByTestId('stay-row').filter({ hasText: 'Jonas Petraitis' })).toHaveCount(0);

  // She accepts.
  await offer.getByRole('button', { name: 'Atsakymas' }).click();
  const answer = page.getByRole('dialog', { name: /Atsakymas į pasiūlymą: Aldona Grigienė/ });
  await answer.getByRole('radio', { name: 'Sutinka' }).check();
  await answer.getByRole('button', { name: 'Įrašyti atsakymą' }).click();
  await expect(answer).toBeHidden();
  await expect(offer).toContainText('Sutiko');

  // The admission: the checklist refuses until every required item is done.
  await offer.getByRole('button', { name: 'Apgyvendinti' }).click();
  const admit = page.getByRole('dialog', { name: /Apgyvendinti: Aldona Grigienė/ });
  await admit.getByRole('button', { name: 'Apgyvendinti' }).click();
  await expect(admit.getByText('Pažymėkite – be to apgyvendinti negalima.').first()).toBeVisible();
  for (const box of await admit.getByRole('checkbox').all()) await box.check();
  await admit.getByRole('textbox', { name: /Medicininio išrašo/ }).fill(today());
  await admit.getByRole('textbox', { name: /Medicininio išrašo/ }).press('Tab');
  await expectNoSeriousA11yViolations(page);
  await admit.getByRole('button', { name: 'Apgyvendinti' }).click();
  await expect(admit).toBeHidden();

  // The board: she lives here now; the second in line is first.
  await expect(page.getByTestId('stay-row').filter({ hasText: 'Aldona Grigienė' })).toBeVisible();
  await expect(page.getByTestId('offer-row')).toHaveCount(0);
  await expect(page.getByTestId('entry-1')).toContainText('Vytautas Mockus');
  await expect(page.getByTestId('entry-3')).toContainText('Algirdas Lukošius');
  await page.getByRole('button', { name: 'Vietos eilėje istorija: Vytautas Mockus' }).click();
  const moved = page.getByRole('dialog', { name: 'Vietos eilėje istorija' });
  await expect(moved.locator('[data-cause="ahead_admitted"]')).toContainText('2 → 1');
  await expect(moved.locator('[data-cause="ahead_admitted"]')).toContainText('Prieš jus buvęs asmuo apgyvendintas');
  await page.keyboard.press('Escape');
  await expect(moved).toBeHidden();

  // Someone leaves the queue with the reason; those behind move up.
  await page.getByRole('button', { name: 'Kiti veiksmai: Genovaitė Šimkienė' }).click();
  await page.getByRole('menuitem', { name: 'Išbraukti' }).click();
  const leave = page.getByRole('dialog', { name: /Išbraukti iš eilės: Genovaitė Šimkienė/ });
  await choose(leave, 'Priežastis', 'Apgyvendintas kitur');
  await leave.getByRole('button', { name: 'Išbraukti' }).click();
  await expect(leave).toBeHidden();
  await expect(page.getByTestId('entry-2')).toContainText('Algirdas Lukošius');
  await expect(page.getByTestId('entry-3')).toHaveCount(0);
});

test('the shelter lists who stays there now with the SP-8 clock (R-DL-5)', async ({ page }) => {
  // The demo's arrival, brought by the police: its SP-8 is due 48 hours later.
  await logIn(page, 'social_worker');
  await page.getByRole('navigation').getByRole('link', { name: 'Vietos ir eilės' }).click();
  await page.getByRole('link', { name: 'Laikinas apnakvindinimas' }).first().click();
  await expect(page.getByRole('heading', { name: 'Laikinas apnakvindinimas: atvykusieji' })).toBeVisible();
  const stay = page.getByTestId('shelter-stay').filter({ hasText: 'Rolandas Tamošaitis' });
  await expect(stay).toContainText('Policija');
  await expect(stay.locator('[data-sp8]')).toHaveAttribute('data-sp8', /^(running|due_soon)$/);
  await expect(stay.getByRole('button', { name: 'Pratęsti' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
