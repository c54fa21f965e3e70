// Issue 9 end to end in Chromium: the head of the case managers' unit opens a
// case from a child-rights notice for a new family and assigns its team; the
// case manager records the assessment, holds the first meeting, agrees a plan
// with two goals and three actions, downloads its PDF, records a review that
// marks an action done, and closes the case at a meeting.
import { readFileSync } from 'node:fs';
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

/** `YYYY-MM-DD`, `days` from today. */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
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
  await expect(page.getByRole('row', { name: new RegExp(FAMILY) })).toBeVisible();
  await page.getByRole('row', { name: new RegExp(FAMILY) }).getByRole('link').click();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByRole('heading', { name: new RegExp(FAMILY) })).toBeVisible();

  // The needs assessment (R-CM-2).
  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
  await tab('Vertinimas');
  await page.getByRole('button', { name: 'Naujas poreikių vertinimas' }).click();
  await page.getByLabel('1 rizikos veiksnys').fill('Vaikas nelanko mokyklos');
  await choose(page, '1 lygis', 'Didelė');
  await page.getByLabel('Vaiko apsauginiai veiksniai').fill('Artimas ryšys su močiute');
  await page.getByLabel('Šeimos apsauginiai veiksniai').fill('Motina nori bendradarbiauti');
  await page.getByLabel('Išvados').fill('Reikalinga kompleksinė pagalba šeimai.');
  await page.getByRole('button', { name: 'Įrašyti vertinimą' }).click();
  await expect(page.getByText('Pasirašė Giedrius Kazlauskas')).toBeVisible();

  // A plan with two goals and three actions: staff, a family member and an organisation responsible.
  await tab('Planas');
  await page.getByRole('button', { name: 'Kurti pagalbos planą' }).click();
  await page.getByRole('textbox', { name: '1 tikslas', exact: true }).fill('Vaikas reguliariai lanko mokyklą');
  await page.getByLabel('1.1 veiksmas').fill('Susitikti su mokyklos socialine pedagoge');
  await choose(page, '1.1 atsakingas', 'Rasa Petraitienė');
  await page.getByLabel('1.1 terminas').fill(inDays(14));
  await page.getByRole('button', { name: 'Pridėti veiksmą 1 tikslui' }).click();
  await page.getByLabel('1.2 veiksmas').fill('Kasdien palydėti vaiką į mokyklą');
  await choose(page, '1.2 atsakingas', `${MOTHER.first} ${MOTHER.last}`);
  await page.getByLabel('1.2 terminas').fill(inDays(30));
  await page.getByRole('button', { name: 'Pridėti tikslą' }).click();
  await page.getByRole('textbox', { name: '2 tikslas', exact: true }).fill('Vaikas lanko dienos centrą');
  await page.getByLabel('2.1 veiksmas').fill('Priimti vaiką į dienos centrą');
  await choose(page, '2.1 atsakingas', 'Kita organizacija');
  await page.getByLabel('2.1 organizacija').fill('Kelmės vaikų dienos centras');
  await page.getByLabel('2.1 terminas').fill(inDays(21));
  await page.getByRole('button', { name: 'Išsaugoti projektą' }).click();
  await expect(page.getByRole('heading', { name: 'Plano projektas (versija 1)' })).toBeVisible();

  // The first meeting agrees it.
  await tab('Posėdžiai');
  await page.getByRole('button', { name: 'Naujas posėdis' }).click();
  await page.getByRole('checkbox', { name: `${MOTHER.first} ${MOTHER.last}` }).check();
  await page.getByRole('button', { name: 'Pridėti kitą dalyvį' }).click();
  await page.getByLabel('1 dalyvio vardas, pavardė').fill('Laima Jonaitienė');
  await page.getByLabel('1 dalyvio organizacija').fill('Kelmės progimnazija');
  await page.getByLabel('1 dalyvio pareigos').fill('socialinė pedagogė');
  await page.getByLabel('Darbotvarkė').fill('Pagalbos plano aptarimas ir suderinimas');
  await page.getByRole('checkbox', { name: 'Suderinti pagalbos planą (projekto versija 1)' }).check();
  await page.getByRole('button', { name: 'Įrašyti posėdį' }).click();
  await expect(page.getByText('Suderintas planas (versija 1)', { exact: true })).toBeVisible();

  // The agreed plan prints as a PDF.
  await tab('Planas');
  await expect(page.getByTestId('plan-agreed')).toBeVisible();
  const [download, pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => r.url().endsWith('/plan/versions/1/pdf')),
    page.getByTestId('plan-agreed').getByRole('button', { name: 'Atsisiųsti PDF' }).click(),
  ]);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(file.length).toBeGreaterThan(1000);
  await expectNoSeriousA11yViolations(page);

  // A review marks an action done.
  await tab('Peržiūros');
  await page.getByRole('button', { name: 'Nauja peržiūra' }).click();
  await page.getByLabel('1 tikslas: kas pasiekta').fill('Vaikas lanko mokyklą kasdien.');
  await choose(page, 'Būsena: Susitikti su mokyklos socialine pedagoge', 'Įvykdyta');
  await page.getByLabel('Apibendrinimas').fill('Planas vykdomas, pokyčiai teigiami.');
  await page.getByLabel('Kitos peržiūros data').fill(inDays(60));
  await page.getByRole('button', { name: 'Įrašyti peržiūrą' }).click();
  await expect(page.getByText('Kita peržiūra:', { exact: false })).toBeVisible();
  await tab('Planas');
  await expect(page.getByTestId('plan-agreed').getByLabel('Būsena: Susitikti su mokyklos socialine pedagoge')).toHaveValue('Įvykdyta');

  // A journal entry.
  await tab('Žurnalas');
  await page.getByLabel('Aprašymas').fill('Apsilankyta šeimoje, vaikas buvo mokykloje.');
  await page.getByRole('button', { name: 'Įrašyti', exact: true }).click();
  await expect(page.locator('[data-testid^="journal-"]').getByText('Apsilankyta šeimoje, vaikas buvo mokykloje.')).toBeVisible();
  await expect(page.getByLabel('Aprašymas')).toHaveValue('');

  // A meeting closes the case.
  await tab('Posėdžiai');
  await page.getByRole('button', { name: 'Naujas posėdis' }).click();
  await page.getByLabel('Darbotvarkė').fill('Atvejo užbaigimas');
  await page.getByRole('checkbox', { name: 'Užbaigti atvejį' }).check();
  await choose(page, 'Užbaigimo priežastis', 'Pasiekti tikslai');
  await page.getByRole('button', { name: 'Įrašyti posėdį' }).click();
  await expect(page.getByText('Užbaigtas', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Naujas posėdis' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
