// The administrator's users page: create with roles and an eldership, a user
// with two roles sees two landing sections, a version conflict is explained
// and recovered from, deactivation ends the access.
import { expect, test } from '@playwright/test';
import { apiToken, attemptLogIn, expectNoSeriousA11yViolations, logIn, logOut, uniqueName } from './support';

test('the administrator manages a user end to end', async ({ page, browser }) => {
  // A long flow (create, log in elsewhere, conflict, edit, deactivate): more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const username = uniqueName('jonas');
  const password = 'Pradinis-Slapt-2026';

  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Naudotojai' }).click();
  await expect(page.getByRole('heading', { name: 'Naudotojai' })).toBeVisible();
  await expect(page.getByTestId('user-social_worker')).toContainText('Kelmės miesto seniūnija');
  await expect(page).toHaveTitle('Naudotojai – Atvejis');
  await expectNoSeriousA11yViolations(page);

  // Create: the form checks the fields in Lithuanian first.
  await page.getByRole('button', { name: 'Naujas naudotojas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Naujas naudotojas' });
  await dialog.getByRole('button', { name: 'Sukurti naudotoją' }).click();
  await expect(dialog.getByText('Įveskite vardą ir pavardę.')).toBeVisible();
  await expect(dialog.getByText('Pasirinkite bent vieną rolę.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('textbox', { name: 'Naudotojo vardas' }).fill(username);
  await dialog.getByRole('textbox', { name: 'Vardas ir pavardė' }).fill('Jonas Bandomasis');
  await dialog.getByLabel('Pradinis slaptažodis').fill(password);
  await dialog.getByRole('checkbox', { name: 'Socialinio darbo specialistas' }).check();
  await dialog.getByRole('checkbox', { name: 'Atvejo vadybininkas' }).check();
  await dialog.getByRole('combobox', { name: 'Seniūnija' }).click();
  await page.getByRole('option', { name: 'Kražių seniūnija' }).click();
  await dialog.getByRole('button', { name: 'Sukurti naudotoją' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Naudotojas ${username} sukurtas.`)).toBeVisible();

  // Search finds the new user.
  await page.getByRole('searchbox', { name: 'Vardas arba naudotojo vardas' }).fill('Bandomasis');
  const row = page.getByTestId(`user-${username}`);
  await expect(row).toContainText('Socialinio darbo specialistas, Atvejo vadybininkas');
  await expect(row).toContainText('Kražių seniūnija');
  await expect(page.getByRole('row')).toHaveCount(2);

  // The new user, in another tab, sees one section per role.
  const other = await browser.newPage();
  await logIn(other, username, password);
  await expect(other.getByTestId('landing-social_worker')).toBeVisible();
  await expect(other.getByTestId('landing-case_manager')).toBeVisible();
  await expect(other.getByTestId('municipality')).toHaveText('Kelmės rajono savivaldybė · Kražių seniūnija');
  await other.close();

  // A version conflict: someone else changes the user while the form is open.
  await row.getByRole('button', { name: 'Keisti: Jonas Bandomasis' }).click();
  const edit = page.getByRole('dialog', { name: 'Keisti: Jonas Bandomasis' });
  await expect(edit.getByRole('textbox', { name: 'Vardas ir pavardė' })).toHaveValue('Jonas Bandomasis');
  const token = await apiToken(page.request, 'admin');
  const list = await page.request.get(`/api/v1/users?q=${username}`, { headers: { Authorization: `Bearer ${token}` } });
  const user = ((await list.json()) as { items: Array<{ id: string; version: number }> }).items[0];
  expect(user).toBeDefined();
  const patched = await page.request.patch(`/api/v1/users/${user?.id}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { version: user?.version, display_name: 'Jonas Bandomasis-Kitas' },
  });
  expect(patched.status()).toBe(200);
  await edit.getByRole('checkbox', { name: 'Socialinio darbo specialistas' }).uncheck();
  await edit.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(edit.getByRole('alert')).toHaveText(/Įrašą ką tik pakeitė kitas naudotojas – atnaujinkite\./);
  await edit.getByRole('button', { name: 'Atnaujinti duomenis' }).click();
  const fresh = page.getByRole('dialog', { name: 'Keisti: Jonas Bandomasis-Kitas' });
  await expect(fresh.getByRole('textbox', { name: 'Vardas ir pavardė' })).toHaveValue('Jonas Bandomasis-Kitas');
  await fresh.getByRole('checkbox', { name: 'Socialinio darbo specialistas' }).uncheck();
  await fresh.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(fresh).toBeHidden();
  await expect(row).toContainText('Atvejo vadybininkas');
  await expect(row).not.toContainText('Socialinio darbo specialistas');

  // Deactivate, after a confirmation; the user can no longer log in.
  await row.getByRole('button', { name: 'Daugiau veiksmų: Jonas Bandomasis-Kitas' }).click();
  await page.getByRole('menuitem', { name: 'Išjungti' }).click();
  const confirm = page.getByRole('dialog', { name: 'Išjungti naudotoją?' });
  await expect(confirm).toContainText('Jonas Bandomasis-Kitas nebegalės prisijungti');
  await confirm.getByRole('button', { name: 'Išjungti' }).click();
  await expect(row).toContainText('Išjungtas');
  await logOut(page);
  await attemptLogIn(page, username, password);
  await expect(page.getByRole('alert')).toHaveText('Neteisingas naudotojo vardas arba slaptažodis.');
});

test('the administrator cannot deactivate themself', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/users');
  await page.getByTestId('user-admin').getByRole('button', { name: /^Daugiau veiksmų/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Išjungti' })).toBeDisabled();
});
