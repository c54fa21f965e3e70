// Helpers shared by the browser tests.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The demo users' password (`ATVEJIS_DEMO=1`). */
export const PASSWORD = 'Demo-2026!';

/** Fills in and sends the login form (success or not). */
export async function attemptLogIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Naudotojo vardas').fill(username);
  await page.getByLabel('Slaptažodis').fill(password);
  await page.getByRole('button', { name: 'Prisijungti' }).click();
}

/** Logs in through the login page and waits for the shell. */
export async function logIn(page: Page, username: string, password = PASSWORD) {
  await attemptLogIn(page, username, password);
  await expect(page.getByRole('button', { name: 'Atsijungti' })).toBeVisible();
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Atsijungti' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** axe-core on the page as it is: no serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Judge the page at rest, not an element under the pointer.
  await page.mouse.move(0, 0);
  // …and not halfway through a transition: a closing date picker or menu
  // fades out, and axe would judge the contrast of its half-transparent
  // text (a busy CI machine once caught one mid-fade).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  // …nor with a notification on screen: it closes by itself after 4 s, and
  // its fade-out could begin while axe reads the page (CI caught one).
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** An access token straight from the API (to act as another user in the background). */
export async function apiToken(request: APIRequestContext, username: string, password = PASSWORD): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A username no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
