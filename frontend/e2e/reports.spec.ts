// Issue 12's reports in Chromium, on the Kelmė demo (its report history
// covers last year and this year): the division head opens /reports, the
// timeliness chart draws its bars, the waiting table and the queue chart
// are there, the yearly summary of last year shows non-zero figures in its
// text and table, and the page passes axe.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, logIn } from './support';

test.use({ actionTimeout: 15_000 });

test('the division head reads the reports: timeliness chart, waiting, yearly summary', async ({ page }) => {
  await logIn(page, 'division_head');
  await page.getByRole('navigation', { name: 'Pagrindinis meniu' }).getByRole('link', { name: 'Ataskaitos' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { name: 'Ataskaitos', level: 2 })).toBeVisible();

  // R-REP-3: the chart renders with data — SVG bars.
  const chart = page.getByTestId('timeliness-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg .recharts-bar-rectangle').first()).toBeVisible();
  expect(await chart.locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(3);
  const timeliness = page.getByRole('region', { name: 'Sprendimai laiku' });
  await expect(timeliness.getByRole('cell', { name: 'Pagalba į namus' })).toBeVisible();

  // R-REP-2: the waiting table and the queue chart's lines.
  const waiting = page.getByRole('region', { name: 'Laukimas ir eilės' });
  await expect(waiting.getByRole('cell', { name: 'Laikino atokvėpio paslauga' })).toBeVisible();
  await expect(waiting.locator('svg .recharts-line').first()).toBeVisible();

  // R-REP-1: last year's summary, non-zero.
  const summary = page.getByRole('region', { name: 'Metų suvestinė' });
  const lead = summary.getByTestId('summary-text');
  await expect(lead).toContainText('socialines paslaugas suteikė gyventojams');
  const people = Number((await lead.textContent())?.match(/gyventojams: (\d+)/)?.[1] ?? '0');
  expect(people).toBeGreaterThan(0);
  const homeHelp = summary.getByRole('row').filter({ hasText: 'Pagalba į namus' });
  await expect(homeHelp).toBeVisible();
  const total = Number(await homeHelp.getByRole('cell').nth(3).textContent());
  expect(total).toBeGreaterThan(0);
  await expect(summary.getByRole('button', { name: 'Atsisiųsti' })).toBeVisible();

  mkdirSync('/tmp/shots-reports', { recursive: true });
  await page.screenshot({ path: '/tmp/shots-reports/reports.png', fullPage: true });
  await expectNoSeriousA11yViolations(page);
});
