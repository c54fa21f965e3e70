// Issue 12, exports: a list downloads as CSV (UTF-8 with a byte-order mark,
// `;`-separated) and as an Excel workbook, with the filters on screen.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { apiToken, expectNoSeriousA11yViolations, logIn } from './support';

test('a social worker downloads the persons search as CSV, with the search on screen', async ({ page }) => {
  const token = await apiToken(page.request, 'social_worker');
  for (const [first, last] of [
    ['Ąžuolė', 'Eksportuotaitė'],
    ['Jonas', 'Eksportuotas'],
  ]) {
    const created = await page.request.post('/api/v1/persons', {
      headers: { Authorization: `Bearer ${token}`, 'X-Purpose': 'needs_assessment' },
      data: { first_name: first, last_name: last },
    });
    expect(created.status()).toBe(201);
  }
  await logIn(page, 'social_worker');
  await page.getByRole('navigation').getByRole('link', { name: 'Asmenys' }).click();
  await page.getByRole('textbox', { name: 'Vardas, pavardė ar adresas' }).fill('eksportuotaite');
  await expect(page.getByRole('link', { name: 'Eksportuotaitė, Ąžuolė' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Eksportuotas, Jonas' })).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Atsisiųsti' }).click();
  await page.screenshot({ path: '/tmp/exports-persons.png' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'CSV (Excel, kabliataškiai)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('asmenys.csv');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'pavarde;vardas;asmens_kodas;gimimo_data;deklaruota_gyvenamoji_vieta;seniunija;telefonas;el_pastas',
  );
  // The search on screen: Ąžuolė only.
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^Eksportuotaitė;Ąžuolė;/);
});

test('the administrator downloads the users as an Excel workbook', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Naudotojai' }).click();
  await expect(page.getByRole('heading', { name: 'Naudotojai' })).toBeVisible();
  await page.getByRole('button', { name: 'Atsisiųsti' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Excel (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('naudotojai.xlsx');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(1000);
});
