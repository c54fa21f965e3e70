// R-ROLE-2, who decides: the administrator sees the demo signer's delegation,
// grants another one with services, dates and its authority (checked in
// Lithuanian first), and ends it.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test('the administrator grants and ends a signing delegation', async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Pasirašymo įgaliojimai' }).click();
  await expect(page.getByRole('heading', { name: 'Pasirašymo įgaliojimai' })).toBeVisible();
  // The demo head signs every service under the demo delegation.
  await expect(page.getByRole('row').filter({ hasText: 'Vytautas Stankevičius' }).first()).toContainText('Galioja');
  await expect(page.getByRole('row')).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Naujas įgaliojimas' }).click();
  const dialog = page.getByRole('dialog', { name: 'Naujas įgaliojimas' });
  await dialog.getByRole('button', { name: 'Suteikti įgaliojimą' }).click();
  await expect(dialog.getByText('Pasirinkite pasirašantį asmenį.')).toBeVisible();
  await expect(dialog.getByText('Pasirinkite bent vieną paslaugą.')).toBeVisible();
  await expect(dialog.getByText('Nurodykite pagrindą (įsakymą ir jo numerį).')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await dialog.getByRole('combobox', { name: 'Pasirašantis asmuo' }).click();
  await page.getByRole('option', { name: /Vytautas Stankevičius/ }).click();
  await dialog.getByRole('combobox', { name: 'Paslaugos' }).click();
  await page.getByRole('option', { name: 'Maitinimo organizavimas' }).click();
  await dialog.getByRole('heading', { name: 'Naujas įgaliojimas' }).click();
  await dialog.getByRole('textbox', { name: 'Pagrindas' }).fill('Centro direktoriaus 2026-12-01 įsakymas Nr. V-77');
  await dialog.getByRole('button', { name: 'Suteikti įgaliojimą' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Įgaliojimas suteiktas: Vytautas Stankevičius.')).toBeVisible();
  const granted = page.getByRole('row').filter({ hasText: 'Nr. V-77' });
  await expect(granted).toContainText('Maitinimo organizavimas');
  await expect(granted).toContainText('neterminuotai');
  await expect(granted).toContainText('Suteikė Aušra Administratorė');
  await expect(granted).toContainText('Galioja');

  // End it: it leaves the list of current delegations, and shows as revoked in all.
  await granted.getByRole('button', { name: 'Nutraukti Vytautas Stankevičius įgaliojimą' }).click();
  const confirm = page.getByRole('dialog', { name: 'Nutraukti įgaliojimą?' });
  await expect(confirm).toContainText('Nr. V-77');
  await confirm.getByRole('button', { name: 'Nutraukti' }).click();
  await expect(page.getByText('Įgaliojimas nutrauktas: Vytautas Stankevičius.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Nr. V-77' })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Tik galiojantys ir suplanuoti' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Nr. V-77' })).toContainText('Atšauktas');
});
