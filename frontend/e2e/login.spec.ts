// The SPA shell in Chromium: login, the landing page of each role, logout,
// the session after a reload, an ended session, the language switch, and
// axe-core checks.
import { expect, test } from '@playwright/test';
import { attemptLogIn, expectNoSeriousA11yViolations, logIn, logOut } from './support';

/** Each demo user, the role whose landing section they see, its Lithuanian heading. */
const LANDINGS: Array<[string, string, string]> = [
  ['social_worker', 'social_worker', 'Socialinio darbo specialisto darbai'],
  ['case_manager', 'case_manager', 'Atvejo vadybininko darbai'],
  ['division_specialist', 'division_specialist', 'Socialinės paramos skyriaus specialisto darbai'],
  ['division_head', 'division_head', 'Socialinės paramos skyriaus vedėjo darbai'],
  ['auditor', 'auditor', 'Auditoriaus darbai'],
  ['admin', 'admin', 'Administratoriaus darbai'],
  ['kaunas_worker', 'social_worker', 'Socialinio darbo specialisto darbai'],
];

test('the login page is in Lithuanian and accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Prisijungimas' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'lt');
  await expect(page).toHaveTitle('Prisijungimas – Atvejis');
  await expectNoSeriousA11yViolations(page);
  // Validation next to the fields, before anything is sent.
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await expect(page.getByText('Įveskite naudotojo vardą.')).toBeVisible();
  await expect(page.getByText('Įveskite slaptažodį.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

for (const [username, role, heading] of LANDINGS) {
  test(`${username} sees the ${role} landing page in Lithuanian`, async ({ page }) => {
    await logIn(page, username);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByTestId(`landing-${role}`)).toBeVisible();
    await expect(page.getByTestId(/^landing-/)).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Atsijungti' })).toBeVisible();
    const municipality = username === 'kaunas_worker' ? 'Kauno rajono savivaldybė' : 'Kelmės rajono savivaldybė';
    await expect(page.getByTestId('municipality')).toContainText(municipality);
  });
}

test('the shell shows the eldership, role-aware navigation, and passes axe', async ({ page }) => {
  await logIn(page, 'social_worker');
  await expect(page.getByTestId('user-name')).toHaveText('Rasa Petraitienė');
  await expect(page.getByTestId('municipality')).toHaveText('Kelmės rajono savivaldybė · Kelmės miesto seniūnija');
  const nav = page.getByRole('navigation', { name: 'Pagrindinis meniu' });
  await expect(nav.getByRole('link', { name: 'Pradžia' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Naudotojai' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audito žurnalas' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  // A page the role may not open says so (the API refuses it too).
  await page.goto('/users');
  await expect(page.getByText('Jūsų rolė neleidžia matyti šio puslapio.')).toBeVisible();
});

test('the administrator sees users but not the audit log', async ({ page }) => {
  await logIn(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Pagrindinis meniu' });
  await expect(nav.getByRole('link', { name: 'Naudotojai' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audito žurnalas' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('the skip link leads past the menu to the content', async ({ page }) => {
  await logIn(page, 'auditor');
  await expect(page.getByRole('heading', { name: 'Auditoriaus darbai' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Pereiti prie turinio' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('a wrong password shows the error', async ({ page }) => {
  await attemptLogIn(page, 'social_worker', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Neteisingas naudotojo vardas arba slaptažodis.');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Naudotojo vardas')).toHaveValue('social_worker');
});

test('too many failed attempts say how long to wait', async ({ page }) => {
  // An unknown username, so no demo user is locked out for the other tests.
  for (let i = 0; i < 10; i += 1) {
    const response = await page.request.post('/api/v1/auth/login', {
      data: { username: 'nobody-here', password: `wrong-${i}` },
    });
    expect(response.status()).toBe(401);
  }
  await attemptLogIn(page, 'nobody-here', 'wrong-again');
  await expect(page.getByRole('alert')).toHaveText(
    /^Per daug nesėkmingų bandymų\. Bandykite dar kartą po \d+ min\.$/,
  );
});

test('logout returns to the login page and ends the session', async ({ page }) => {
  await logIn(page, 'division_head');
  await expect(page.getByTestId('user-name')).toHaveText('Vytautas Stankevičius');
  await logOut(page);
  await expect(page.getByRole('status')).toHaveText('Atsijungėte. Iki pasimatymo!');
  expect(await page.evaluate(() => sessionStorage.getItem('atvejis.refresh'))).toBeNull();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a reload keeps the session; an unknown refresh token returns to login with the message', async ({ page }) => {
  await logIn(page, 'case_manager');
  await expect(page.getByRole('heading', { name: 'Atvejo vadybininko darbai' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Atvejo vadybininko darbai' })).toBeVisible();
  // The server no longer knows the session (revoked, expired, or a restart).
  await page.evaluate(() => sessionStorage.setItem('atvejis.refresh', 'revoked-or-unknown'));
  await page.reload();
  await expect(page).toHaveURL(/\/login\?.*reason=expired/);
  await expect(page.getByRole('status')).toHaveText('Jūsų sesija baigėsi. Prisijunkite iš naujo.');
});

test('an expired access token is refreshed without the user noticing', async ({ page }) => {
  await logIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Administratoriaus darbai' })).toBeVisible();
  // The next users request is answered as if the access token had expired.
  let refused = 0;
  await page.route('**/api/v1/users?**', async (route) => {
    if (refused === 0) {
      refused += 1;
      await route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'urn:atvejis:problem:token_expired', title: 'Unauthorized', status: 401, detail: 'expired', code: 'token_expired' }),
      });
    } else {
      await route.continue();
    }
  });
  const refresh = page.waitForResponse('**/api/v1/auth/refresh');
  await page.getByRole('navigation').getByRole('link', { name: 'Naudotojai' }).click();
  expect((await refresh).status()).toBe(200);
  await expect(page.getByTestId('user-social_worker')).toBeVisible();
  expect(refused).toBe(1);
});

test('a session ended elsewhere returns to login with the message', async ({ page }) => {
  await logIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Administratoriaus darbai' })).toBeVisible();
  // Log the same session out behind the page's back: its refresh token is revoked.
  const refreshToken = await page.evaluate(() => sessionStorage.getItem('atvejis.refresh'));
  expect((await page.request.post('/api/v1/auth/logout', { data: { refresh_token: refreshToken } })).status()).toBe(204);
  // And the access token expires.
  await page.route('**/api/v1/users?**', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:atvejis:problem:token_expired', title: 'Unauthorized', status: 401, detail: 'expired', code: 'token_expired' }),
    }),
  );
  await page.getByRole('navigation').getByRole('link', { name: 'Naudotojai' }).click();
  await expect(page).toHaveURL(/\/login\?.*reason=expired/);
  await expect(page.getByRole('status')).toHaveText('Jūsų sesija baigėsi. Prisijunkite iš naujo.');
  // After logging in again the user is back where they were.
  await page.getByLabel('Naudotojo vardas').fill('admin');
  await page.getByLabel('Slaptažodis').fill('Demo-2026!');
  await page.unroute('**/api/v1/users?**');
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await expect(page).toHaveURL(/\/users$/);
});

test('the language switch shows English and is remembered', async ({ page }) => {
  await logIn(page, 'auditor');
  await page.getByRole('radiogroup', { name: 'Kalba' }).getByText('EN', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Auditor', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('LT', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Auditoriaus darbai' })).toBeVisible();
});
