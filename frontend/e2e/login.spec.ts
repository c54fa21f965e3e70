import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'Demo-2026!';

/** The Lithuanian heading of each demo user's landing section. */
const LANDINGS: Array<[string, string, string]> = [
  ['social_worker', 'social_worker', 'Socialinio darbo specialisto darbai'],
  ['case_manager', 'case_manager', 'Atvejo vadybininko darbai'],
  ['division_specialist', 'division_specialist', 'Socialinės paramos skyriaus specialisto darbai'],
  ['division_head', 'division_head', 'Socialinės paramos skyriaus vedėjo darbai'],
  ['auditor', 'auditor', 'Auditoriaus darbai'],
  ['admin', 'admin', 'Administratoriaus darbai'],
  ['kaunas_worker', 'social_worker', 'Socialinio darbo specialisto darbai'],
];

async function logIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Naudotojo vardas').fill(username);
  await page.getByLabel('Slaptažodis').fill(password);
  await page.getByRole('button', { name: 'Prisijungti' }).click();
}

async function expectNoSeriousA11yViolations(page: Page) {
  // Judge the page at rest, not an element under the pointer.
  await page.mouse.move(0, 0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('the login page is in Lithuanian and accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Prisijungimas' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
  await expectNoSeriousA11yViolations(page);
});

for (const [username, role, heading] of LANDINGS) {
  test(`${username} sees the ${role} landing page`, async ({ page }) => {
    await logIn(page, username);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByTestId(`landing-${role}`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Atsijungti' })).toBeVisible();
    const municipality = username === 'kaunas_worker' ? 'Kauno rajono savivaldybė' : 'Kelmės rajono savivaldybė';
    await expect(page.getByTestId('municipality')).toContainText(municipality);
  });
}

test('role-aware navigation and accessible landing page', async ({ page }) => {
  await logIn(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Pagrindinis meniu' });
  await expect(nav.getByRole('link', { name: 'Naudotojai' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audito žurnalas' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await nav.getByRole('link', { name: 'Naudotojai' }).click();
  await expect(page.getByRole('heading', { name: 'Naudotojai' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Rasa Petraitienė' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a wrong password shows the error', async ({ page }) => {
  await logIn(page, 'social_worker', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Neteisingas naudotojo vardas arba slaptažodis.');
  await expect(page).toHaveURL(/\/login/);
});

test('logout returns to the login page', async ({ page }) => {
  await logIn(page, 'division_head');
  await expect(page.getByTestId('user-name')).toHaveText('Vytautas Stankevičius');
  await page.getByRole('button', { name: 'Atsijungti' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('status')).toHaveText('Atsijungėte. Iki pasimatymo!');
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a reload keeps the session; an ended session returns to login with a message', async ({ page }) => {
  await logIn(page, 'case_manager');
  await expect(page.getByRole('heading', { name: 'Atvejo vadybininko darbai' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Atvejo vadybininko darbai' })).toBeVisible();
  // The server forgets the session (as after a logout elsewhere or a restart).
  await page.evaluate(() => sessionStorage.setItem('atvejis.refresh', 'revoked-or-unknown'));
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('status')).toHaveText('Jūsų sesija baigėsi. Prisijunkite iš naujo.');
});

test('the language switch shows English', async ({ page }) => {
  await logIn(page, 'auditor');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Auditor', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.getByText('LT', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Auditoriaus darbai' })).toBeVisible();
});
