// Issue 12's documents in Chromium: the division specialist opens a signed
// demo decision (Birutė Rimkienė's, crates/api/src/store/demo_deliveries.rs)
// and downloads the decision (SP-9) and the letter notifying the person
// (R-DL-3) as PDFs, typeset by the server.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test.use({ actionTimeout: 15_000 });

/** Clicks `button` and returns the file the browser saves. */
async function download(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

test('a signed decision and its notification letter download as PDFs', async ({ page }) => {
  test.setTimeout(90_000);
  await logIn(page, 'division_specialist');
  await page.getByRole('navigation', { name: 'Pagrindinis meniu' }).getByRole('link', { name: 'Asmenys' }).click();
  await page.getByLabel('Vardas, pavardė ar adresas').fill('rimkiene');
  await page.getByRole('link', { name: 'Rimkienė, Birutė' }).click();
  await expect(page.getByRole('heading', { name: 'Birutė Rimkienė' })).toBeVisible();
  await page.getByRole('region', { name: 'Prašymai ir sprendimai' }).getByRole('link').first().click();
  const panel = page.getByRole('region', { name: 'Sprendimas (SP-9)' });
  await expect(panel.getByText('Vytautas Stankevičius')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const decision = await download(page, 'Atsisiųsti sprendimą (PDF)');
  expect(decision.download.suggestedFilename()).toBe('sprendimas.pdf');
  expect(decision.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Typst embeds the subset of the fonts it uses: tens of kilobytes.
  expect(decision.bytes.length).toBeGreaterThan(10_000);
  expect(decision.bytes.length).toBeLessThan(2_000_000);

  const letter = await download(page, 'Pranešimo laiškas (PDF)');
  expect(letter.download.suggestedFilename()).toBe('pranesimas.pdf');
  expect(letter.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(letter.bytes.length).toBeGreaterThan(10_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/documents.png`, fullPage: true });
});
