// The administrator's reference data: a service type of the catalogue is
// edited (a document added and removed again), an hourly price is planned
// from a future date, shown as planned, and withdrawn, and so are new
// case-management terms.
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test('the administrator edits a service type of the catalogue', async ({ page }) => {
  await logIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Paslaugos ir įkainiai' }).click();
  await expect(page).toHaveTitle('Paslaugos ir įkainiai – Atvejis');
  const row = page.getByTestId('service-reintegration_after_prison');
  await expect(row).toContainText('30 kalendorinių dienų nuo bylos gavimo skyriuje');
  const documents = row.getByRole('cell').nth(4);
  const before = Number(await documents.textContent());
  await expectNoSeriousA11yViolations(page);

  await row.getByRole('button', { name: /^Keisti:/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Pridėti dokumentą' }).click();
  const n = before + 1;
  await dialog.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(dialog.getByText('Privalomas laukas.').first()).toBeVisible();
  await dialog.getByLabel(`${n} dokumentas lietuviškai`).fill('Pažyma apie paleidimą iš įkalinimo įstaigos');
  await dialog.getByLabel(`${n} dokumentas angliškai`).fill('Certificate of release from prison');
  await expect(dialog.getByText('Kodas: pazyma_apie_paleidima_is_ikalinimo_istaigos')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Paslauga „.*“ išsaugota\./)).toBeVisible();
  await expect(documents).toHaveText(String(n));

  // And removed again: the checklist is what the administrator left.
  await row.getByRole('button', { name: /^Keisti:/ }).click();
  await dialog.getByRole('button', { name: 'Pašalinti dokumentą: Pažyma apie paleidimą iš įkalinimo įstaigos' }).click();
  await dialog.getByRole('button', { name: 'Išsaugoti' }).click();
  await expect(dialog).toBeHidden();
  await expect(documents).toHaveText(String(before));
});

test('the administrator plans an hourly price and withdraws it', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/catalogue?tab=rates');
  const card = page.getByTestId('rate-home_help_hourly_price');
  // The demo's hourly price.
  const inForce = card.getByTestId('rate-home_help_hourly_price-in-force');
  await expect(inForce).toHaveText('6,50 €');
  await expectNoSeriousA11yViolations(page);

  // A cap is typed in percent and checked before it is sent.
  await page.getByRole('button', { name: /^Nauja vertė: Pagalbos į namus mokėjimo riba: 2–3/ }).click();
  const capDialog = page.getByRole('dialog');
  await capDialog.getByLabel('Dalis procentais').fill('150');
  await capDialog.getByRole('button', { name: 'Pridėti vertę' }).click();
  await expect(capDialog.getByText('Įveskite procentus nuo 0 iki 100 (pvz., 12,5).')).toBeVisible();
  await capDialog.getByRole('button', { name: 'Atšaukti' }).click();

  const year = 2090 + Math.floor(Math.random() * 9);
  await card.getByRole('button', { name: /^Nauja vertė/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Vertė eurais').fill('7,25');
  await dialog.getByLabel('Galioja nuo').fill(`${year}-01-01`);
  await dialog.getByLabel('Pastaba').fill('Tarybos sprendimas T-123');
  await dialog.getByRole('button', { name: 'Pridėti vertę' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Vertė 7,25 € galios nuo ${year}-01-01.`)).toBeVisible();
  const planned = card.getByRole('row', { name: new RegExp(`${year}-01-01`) });
  await expect(planned).toContainText('Įsigalios');
  await expect(planned).toContainText('Tarybos sprendimas T-123');
  // The value in force does not change until that date.
  await expect(inForce).toHaveText('6,50 €');

  await planned.getByRole('button', { name: /^Atšaukti vertę/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Atšaukti dar neįsigaliojusią vertę?' });
  await expect(confirm).toContainText('7,25 €');
  await confirm.getByRole('button', { name: 'Atšaukti vertę' }).click();
  await expect(page.getByText('Vertė atšaukta.')).toBeVisible();
  await expect(planned).toHaveCount(0);
  // Values in force cannot be withdrawn: no button offers it.
  await expect(card.getByRole('button', { name: /^Atšaukti vertę/ })).toHaveCount(0);
});

test('the administrator plans case-management terms and withdraws them', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/catalogue');
  await page.getByRole('tab', { name: 'Atvejo vadybos terminai' }).click();
  await expect(page).toHaveURL(/tab=terms/);
  const section = page.getByTestId('procedure-parameters');
  const meetingInForce = section.getByTestId('in-force-first_meeting_working_days');
  await expect(meetingInForce).toContainText(/\d+/);
  const before = await meetingInForce.textContent();
  await expectNoSeriousA11yViolations(page);

  const year = 2090 + Math.floor(Math.random() * 9);
  await section.getByRole('button', { name: 'Nauji terminai' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nauji atvejo vadybos terminai' });
  await dialog.getByLabel('Galioja nuo').fill(`${year}-03-02`);
  await dialog.getByLabel('Pirmasis atvejo nagrinėjimo posėdis (darbo dienos po paskyrimo)').fill('15');
  await dialog.getByLabel('Plano peržiūra (kas kiek mėnesių)').fill('3');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Nustatyti terminus' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Nauji terminai galios nuo ${year}-03-02.`)).toBeVisible();
  const planned = section.getByTestId(`parameters-${year}-03-02`);
  await expect(planned).toContainText('Įsigalios');
  await expect(planned.getByRole('cell').nth(2)).toHaveText('15');
  await expect(planned.getByRole('cell').nth(3)).toHaveText('3');
  // What is in force does not change until that date.
  await expect(meetingInForce).toHaveText(before ?? '');

  await planned.getByRole('button', { name: `Atšaukti terminus nuo ${year}-03-02` }).click();
  const confirm = page.getByRole('dialog', { name: 'Atšaukti dar neįsigaliojusius terminus?' });
  await confirm.getByRole('button', { name: 'Atšaukti terminus' }).click();
  await expect(page.getByText('Terminai atšaukti.')).toBeVisible();
  await expect(planned).toHaveCount(0);
});
