// The auditor's audit log: the records of logins, filters, a record's history.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test('the auditor reads and filters the audit log', async ({ page }) => {
  // Something to find: a failed login of a demo user.
  expect((await page.request.post('/api/v1/auth/login', { data: { username: 'case_manager', password: 'wrong-password' } })).status()).toBe(401);

  await logIn(page, 'auditor');
  await page.getByRole('navigation').getByRole('link', { name: 'Audito žurnalas' }).click();
  await expect(page.getByRole('heading', { name: 'Audito žurnalas' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audito žurnalas' });
  await expect(table.getByText('Prisijungė').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Filter by action.
  await page.getByRole('combobox', { name: 'Veiksmas' }).click();
  await page.getByRole('option', { name: 'Nepavyko prisijungti' }).click();
  await page.getByRole('button', { name: 'Filtruoti' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Nepavyko prisijungti');
  await expect(table.getByText('Prisijungė', { exact: true })).toHaveCount(0);
  const failed = table.getByRole('row').filter({ hasText: 'case_manager' }).first();
  await expect(failed).toContainText('wrong_password');

  // A record's history: every record of that user.
  await failed.getByRole('button', { name: /^Rodyti įrašo .* istoriją$/ }).click();
  await expect(page.getByRole('textbox', { name: 'Objekto ID' })).not.toHaveValue('');
  await expect(table.getByText('Sukurtas naudotojas')).toBeVisible();

  // Clear the filters.
  await page.getByRole('button', { name: 'Išvalyti filtrus' }).click();
  await expect(page.getByRole('textbox', { name: 'Objekto ID' })).toHaveValue('');
});

test('"load more" follows the cursor to older records', async ({ page }) => {
  // 60 logins of the division head: more than one page (50) of records.
  // One after another: the login throttle counts attempts under way.
  for (let i = 0; i < 60; i += 1) {
    const login = await page.request.post('/api/v1/auth/login', {
      data: { username: 'division_head', password: 'Demo-2026!' },
    });
    expect(login.status()).toBe(200);
  }
  await logIn(page, 'auditor');
  await page.goto('/audit');
  await page.getByRole('textbox', { name: 'Kas' }).fill('division_head');
  await page.getByRole('combobox', { name: 'Veiksmas' }).click();
  await page.getByRole('option', { name: 'Prisijungė' }).click();
  await page.getByRole('button', { name: 'Filtruoti' }).click();
  await expect(page.getByText('Rodoma įrašų: 50')).toBeVisible();
  await page.getByRole('button', { name: 'Rodyti daugiau' }).click();
  await expect(page.getByText(/^Rodoma įrašų: (6\d|[7-9]\d)$/)).toBeVisible();
  // No record twice: every login started its own session.
  const table = page.getByRole('table', { name: 'Audito žurnalas' });
  const sessions = await table.locator('dd').allTextContents();
  expect(sessions.length).toBeGreaterThanOrEqual(60);
  expect(new Set(sessions).size).toBe(sessions.length);
});

test('other roles cannot open the audit log', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/audit');
  await expect(page.getByText('Jūsų rolė neleidžia matyti šio puslapio.')).toBeVisible();
});
