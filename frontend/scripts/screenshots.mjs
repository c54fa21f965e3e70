// Screenshots of the SPA for a look as a user (and for closing notes):
//   node scripts/screenshots.mjs [base URL] [output dir]
// against a running server in demo mode, e.g. `make run` (default
// http://127.0.0.1:8080). Uses Debian's Chromium like the browser tests.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = resolve(process.argv[3] ?? 'screenshots');
const PASSWORD = 'Demo-2026!';
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** A fresh tab (its own sessionStorage) at a desktop or phone size. */
async function tab(width = 1366, height = 860) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'lt-LT' });
  return context.newPage();
}

async function logIn(page, username) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Naudotojo vardas').fill(username);
  await page.getByLabel('Slaptažodis').fill(PASSWORD);
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await page.getByRole('heading', { level: 2, name: 'Jūsų darbo vieta' }).waitFor();
}

async function shot(page, name, fullPage = true) {
  await page.mouse.move(0, 0);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, fullPage });
  console.log(path);
}

try {
  let page = await tab();
  await page.goto(`${base}/login`);
  await page.getByRole('heading', { name: 'Prisijungimas' }).waitFor();
  await shot(page, 'login');
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await page.getByText('Įveskite naudotojo vardą.').waitFor();
  await shot(page, 'login-validation');
  await page.getByLabel('Naudotojo vardas').fill('social_worker');
  await page.getByLabel('Slaptažodis').fill('wrong-password');
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, 'login-wrong-password');

  for (const user of ['social_worker', 'division_specialist', 'case_manager', 'admin', 'auditor']) {
    page = await tab();
    await logIn(page, user);
    await shot(page, `landing-${user}`);
    if (user === 'admin') {
      await page.getByRole('navigation').getByRole('link', { name: 'Naudotojai' }).click();
      await page.getByTestId('user-admin').waitFor();
      await shot(page, 'users');
      await page.getByRole('button', { name: 'Naujas naudotojas' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sukurti naudotoją' }).click();
      await page.getByText('Pasirinkite bent vieną rolę.').waitFor();
      await shot(page, 'users-create', false);
    }
    if (user === 'auditor') {
      await page.getByRole('navigation').getByRole('link', { name: 'Audito žurnalas' }).click();
      await page.getByRole('row').nth(1).waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, 'audit', false);
    }
  }

  page = await tab(390, 844);
  await logIn(page, 'social_worker');
  await shot(page, 'landing-social_worker-phone');
} finally {
  await browser.close();
}
