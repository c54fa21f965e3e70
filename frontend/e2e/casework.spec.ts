// Issue 3 end to end in Chromium: a social worker files a home-help
// application with all documents and assesses it; the division specialist
// prepares the decision with the fee shown line by line; the preparer cannot
// sign; the division head signs.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'Demo-2026!';

async function logIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('Naudotojo vardas').fill(username);
  await page.getByLabel('Slaptažodis').fill(PASSWORD);
  await page.getByRole('button', { name: 'Prisijungti' }).click();
  await expect(page.getByRole('button', { name: 'Atsijungti' })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Atsijungti' }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function expectAccessible(page: Page) {
  await page.mouse.move(0, 0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('home help: intake, assessment, decision with the fee, signature by the head only', async ({ page }) => {
  test.setTimeout(90_000);

  // The social worker finds the person, case- and diacritics-insensitively.
  await logIn(page, 'social_worker');
  const nav = page.getByRole('navigation', { name: 'Pagrindinis meniu' });
  await nav.getByRole('link', { name: 'Asmenys' }).click();
  await page.getByLabel('Vardas, pavardė ar adresas').fill('zemaite');
  await page.getByRole('link', { name: 'Žemaitė, Ona' }).click();
  await expect(page.getByRole('heading', { name: 'Ona Žemaitė' })).toBeVisible();
  await expectAccessible(page);

  // Intake, step by step.
  await page.getByRole('link', { name: 'Naujas prašymas' }).click();
  await expect(page.getByTestId('chosen-person')).toHaveText('Ona Žemaitė');
  await page.getByRole('button', { name: 'Toliau' }).click();
  await page.getByRole('radio', { name: /Pagalba į namus/ }).check();
  await page.getByRole('button', { name: 'Toliau' }).click();
  await expect(page.getByText('Tinkamumo užuominos')).toBeVisible();
  await expect(page.getByText(/Trūksta 7 dokumentų/)).toBeVisible();
  await page.getByRole('button', { name: 'Visi pateikti' }).click();
  await expect(page.getByText(/Trūksta \d+ dokumentų/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Toliau' }).click();
  await page.getByRole('button', { name: 'Priimti prašymą' }).click();
  await expect(page.getByText('Priimtas', { exact: true })).toBeVisible();
  const applicationUrl = page.url();
  expect(applicationUrl).toMatch(/\/applications\/[0-9a-f-]{36}$/);

  // Needs assessment, then to the division.
  await page.getByLabel('Išvada').fill('Reikalinga pagalba buityje ir apsiperkant, 20 val. per mėnesį.');
  await page.getByLabel('Rekomenduojama valandų per mėn.').fill('20');
  await page.getByRole('button', { name: 'Įrašyti vertinimą' }).click();
  await expect(page.getByText('Įvertintas poreikis', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Perduoti skyriui' }).click();
  await expect(page.getByText('Perduotas skyriui', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await logOut(page);

  // The specialist finds it in the inbox and prepares the decision.
  await logIn(page, 'division_specialist');
  await page.getByRole('navigation', { name: 'Pagrindinis meniu' }).getByRole('link', { name: 'Gautų prašymų dėžutė' }).click();
  await expect(page.getByTestId('overdue-count')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Žemaitė, Ona' }).click();
  await expect(page.getByTestId('fee-lines')).toBeVisible();
  const fee = page.getByTestId('fee-lines').locator('[data-line="fee"]');
  await expect(fee).toHaveText(/70,00\s€/);
  // An invalid hours value says so and shows no fee (not the last valid one's).
  const hours = page.getByLabel('Valandų per mėnesį');
  await hours.fill('20,555');
  await expect(page.getByText('Valandų skaičius nuo 0 iki 744, ne daugiau kaip du skaitmenys po kablelio.')).toBeVisible();
  await expect(page.getByTestId('fee-lines')).toHaveCount(0);
  await hours.fill('20');
  await expect(fee).toHaveText(/70,00\s€/);
  await page.getByLabel('Motyvai').fill('Poreikis nustatytas, pajamos 3–4 VRP intervale.');
  await page.getByRole('button', { name: 'Parengti sprendimą' }).click();
  await expect(page.getByText('Parengtas sprendimas', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/pasirašyti jį turi kitas asmuo/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pasirašyti sprendimą' })).toHaveCount(0);

  // The API refuses the preparer's signature: a specialist has no right to sign (403 before the
  // record is looked up; R-ROLE-2's `preparer_cannot_sign` is for a signer who prepared it).
  const applicationId = applicationUrl.split('/').pop() ?? '';
  const token = (
    await (await page.request.post('/api/v1/auth/login', { data: { username: 'division_specialist', password: PASSWORD } })).json()
  ).access_token as string;
  const headers = { Authorization: `Bearer ${token}` };
  const app = await (
    await page.request.get(`/api/v1/applications/${applicationId}`, { headers: { ...headers, 'X-Purpose': 'decision' } })
  ).json();
  const refused = await page.request.post(`/api/v1/decisions/${app.decision.id}/sign`, {
    headers,
    data: { version: app.decision.version },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe('forbidden');
  await logOut(page);

  // The head signs.
  await logIn(page, 'division_head');
  await page.goto(applicationUrl);
  await page.getByRole('button', { name: 'Pasirašyti sprendimą' }).click();
  await expect(page.getByText('Priimtas sprendimas', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('monthly-fee')).toHaveText(/70,00\s€/);
  await expect(page.getByText('Vytautas Stankevičius').first()).toBeVisible();
});

test('an invalid personal code is explained next to the field', async ({ page }) => {
  await logIn(page, 'social_worker');
  await page.goto('/persons');
  await page.getByRole('button', { name: 'Naujas asmuo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Naujas asmuo' });
  await dialog.getByLabel(/^Vardas/).fill('Petras');
  await dialog.getByLabel(/^Pavardė/).fill('Bandomasis');
  await dialog.getByLabel('Asmens kodas').fill('39001010001');
  await dialog.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(page.getByText('Neteisingas asmens kodo kontrolinis skaitmuo.')).toBeVisible();
});
