// A member of staff changes their own password from the account menu.
import { expect, test } from '@playwright/test';
import { apiToken, attemptLogIn, expectNoSeriousA11yViolations, logIn, logOut, uniqueName } from './support';

test('a member of staff changes their own password', async ({ page }) => {
  const username = uniqueName('rasa');
  const initial = 'Pradinis-Slapt-2026';
  const chosen = 'Mano-naujas-2026';
  const token = await apiToken(page.request, 'admin');
  const created = await page.request.post('/api/v1/users', {
    headers: { Authorization: `Bearer ${token}` },
    data: { username, display_name: 'Rasa Bandomoji', password: initial, roles: ['division_specialist'] },
  });
  expect(created.status()).toBe(201);

  await logIn(page, username, initial);
  await page.getByRole('button', { name: 'Paskyra: Rasa Bandomoji' }).click();
  await page.getByRole('menuitem', { name: 'Keisti slaptažodį' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keisti slaptažodį' });

  // Checked before sending, and the server's answer next to the field.
  await dialog.getByRole('button', { name: 'Keisti slaptažodį' }).click();
  await expect(dialog.getByText('Privalomas laukas.')).toBeVisible();
  await expect(dialog.getByText('Slaptažodis per trumpas: bent 10 simbolių.')).toBeVisible();
  await dialog.getByLabel('Dabartinis slaptažodis').fill('ne-tas-slaptazodis');
  await dialog.getByLabel('Naujas slaptažodis').fill(chosen);
  await dialog.getByLabel('Pakartokite slaptažodį').fill(chosen);
  await dialog.getByRole('button', { name: 'Keisti slaptažodį' }).click();
  await expect(dialog.getByText('Tai ne jūsų dabartinis slaptažodis.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await dialog.getByLabel('Dabartinis slaptažodis').fill(initial);
  await dialog.getByRole('button', { name: 'Keisti slaptažodį' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Slaptažodis pakeistas.', { exact: false })).toBeVisible();

  await logOut(page);
  await attemptLogIn(page, username, initial);
  await expect(page.getByRole('alert')).toContainText('Neteisingas naudotojo vardas arba slaptažodis.');
  await logIn(page, username, chosen);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('the account menu opens from the avatar', async ({ page }) => {
    await logIn(page, 'auditor');
    await expect(page.getByTestId('user-name')).toBeHidden();
    // Checked closed: an open Mantine menu holds a focus sentinel that axe
    // reports as a child a menu may not have.
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: /^Paskyra:/ }).click();
    await page.getByRole('menuitem', { name: 'Keisti slaptažodį' }).click();
    await expect(page.getByRole('dialog', { name: 'Keisti slaptažodį' })).toBeVisible();
  });
});
