// The data subject's questions (BDAR 15 str.): the auditor finds a person by
// name and sees who read their data, when and why.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test("the auditor finds Ona Žemaitė by name and sees the division's read of her application with its purpose", async ({
  page,
}) => {
  await logIn(page, 'auditor');
  await page.getByRole('navigation').getByRole('link', { name: 'Asmens duomenų užklausos' }).click();
  await expect(page.getByRole('heading', { name: 'Asmens duomenų užklausos', level: 1 })).toBeVisible();
  await expect(page.getByText('BDAR 15 straipsnį')).toBeVisible();

  await page.getByRole('textbox', { name: 'Asmens paieška' }).fill('zemaite');
  await page.getByRole('button', { name: 'Ieškoti' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Ona Žemaitė' }).click();

  const table = page.getByRole('table', { name: 'Kas naudojosi duomenimis: Ona Žemaitė' });
  // The demo's read by the division (other specs may have read her file
  // since: the newest comes first).
  const read = table.getByRole('row').filter({ hasText: 'Peržiūrėtas prašymas' }).filter({ hasText: 'Ona Jankauskienė' }).first();
  await expect(read).toBeVisible();
  await expect(read).toContainText('Socialinės paramos skyriaus specialistas');
  await expect(read).toContainText('Prašymas (SP-8)');
  await expect(read).toContainText('Sprendimo priėmimas');
  await expect(page.getByRole('button', { name: 'Visi duomenys (PDF)' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: '/tmp/data-subjects.png', fullPage: true });

  // The JSON export downloads (and is recorded as an export).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Visi duomenys (JSON)' }).click();
  expect((await download).suggestedFilename()).toBe('duomenys-Žemaitė-Ona.json');
});
