// Issue 12, home pages: each demo role sees its work lists on the start page
// (with at least one record where the demo data has one), the head of the
// division the link to the timeliness report, the auditor and the data
// protection officer the data subject's page; the administrator manages
// service accounts; the header search finds Žemaitė.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn, logOut, uniqueName } from './support';

/** Each demo user, a section of theirs and whether the demo data puts a record in it. */
const HOMES: Array<[string, string, string, boolean]> = [
  ['social_worker', 'my_applications', 'Mano priimti prašymai', true],
  ['division_specialist', 'inbox', 'Gautų prašymų dėžutė', true],
  ['division_head', 'decisions_to_sign', 'Laukia mano parašo', false],
  ['case_manager', 'reviews_due', 'Plano peržiūros', false],
  ['case_management_head', 'cases_awaiting_assignment', 'Laukia komandos paskyrimo', true],
  ['admin', 'service_accounts', 'Kitų sistemų paskyros', false],
];

for (const [username, kind, heading, hasItems] of HOMES) {
  test(`${username} sees the ${kind} work list`, async ({ page }) => {
    await logIn(page, username);
    const section = page.getByTestId(`section-${kind}`);
    await expect(section.getByRole('heading', { name: heading })).toBeVisible();
    await expect(section.getByTestId('count')).toBeVisible();
    if (hasItems) {
      await expect(section.getByTestId('work-item').first()).toBeVisible();
      await expect(section.getByTestId('work-item').first().getByRole('link')).toHaveAttribute('href', /^\/(applications|cases|persons)\//);
    } else {
      await expect(section.getByTestId('work-item').or(section.getByTestId('empty')).first()).toBeVisible();
    }
    await expect(page.getByText('Sistema kuriama dalimis')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
}

test('the division head is led to the timeliness report; overseers to the data subject page', async ({ page }) => {
  await logIn(page, 'division_head');
  await expect(page.getByTestId('section-overdue_decisions')).toBeVisible();
  await expect(page.getByTestId('card-timeliness').getByRole('link', { name: 'Atidaryti ataskaitas' })).toHaveAttribute('href', '/reports');
  for (const who of ['auditor', 'data_protection_officer']) {
    await logOut(page);
    await logIn(page, who);
    await expect(page.getByTestId('card-data-subjects').getByRole('link', { name: 'Atidaryti duomenų subjekto puslapį' })).toHaveAttribute('href', '/data-subjects');
    await expectNoSeriousA11yViolations(page);
  }
});

test('the header search finds Žemaitė without diacritics and opens her file', async ({ page }) => {
  await logIn(page, 'social_worker');
  const search = page.getByPlaceholder('Ieškoti asmens, prašymo, atvejo');
  await search.fill('zemaite');
  const results = page.getByTestId('search-results');
  await expect(results.getByText('Asmenys')).toBeVisible();
  await expect(results.getByTestId('hit-person')).toContainText('Ona Žemaitė');
  await expect(results.getByText('Prašymai')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Keyboard: down to the first hit, Enter opens it.
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/persons\//);
  // Her file has loaded (the lazily loaded page no longer replaces the shell).
  await expect(page.getByRole('heading', { name: 'Ona Žemaitė' })).toBeVisible();
  // Too short: a hint, no request.
  await search.fill('z');
  await expect(page.getByText('Įveskite bent 2 raides ar skaitmenis.')).toBeVisible();
});

test('the administrator creates a service account, sees its secret once, rotates it and deactivates it', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Pagrindinis meniu' }).getByRole('link', { name: 'Kitų sistemų paskyros' }).click();
  await expect(page).toHaveURL(/\/service-accounts$/);
  await expect(page.getByRole('heading', { name: 'Kitų sistemų paskyros' }).first()).toBeVisible();
  const name = uniqueName('DVS');
  await page.getByRole('button', { name: 'Nauja paskyra' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nauja paskyra' });
  await dialog.getByRole('textbox', { name: 'Sistemos pavadinimas' }).fill(name);
  await dialog.getByRole('checkbox', { name: 'Skaityti bylų turinį' }).check();
  await dialog.getByRole('button', { name: 'Nauja paskyra' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Slaptas raktas' });
  const first = await secretDialog.getByTestId('client-secret').inputValue();
  expect(first.length).toBeGreaterThan(20);
  await expectNoSeriousA11yViolations(page);
  await secretDialog.getByRole('button', { name: 'Nukopijavau' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Veikia');
  await expect(row).toContainText('Skaityti bylų turinį');
  // A new secret: shown once, different from the first.
  await row.getByRole('button', { name: `Naujas raktas: ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Naujas raktas' }).click();
  const second = await page.getByRole('dialog', { name: 'Slaptas raktas' }).getByTestId('client-secret').inputValue();
  expect(second).not.toEqual(first);
  await page.getByRole('dialog', { name: 'Slaptas raktas' }).getByRole('button', { name: 'Nukopijavau' }).click();
  // Deactivated: no more actions.
  await row.getByRole('button', { name: `Išjungti: ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Išjungti' }).click();
  await expect(row).toContainText('Išjungta');
  await expect(row.getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/home-service-accounts.png', fullPage: true });
  await page.goto('/');
  await expect(page.getByTestId('section-service_accounts').getByText(name)).toBeVisible();
  await page.screenshot({ path: '/tmp/home-admin.png', fullPage: true });
});
