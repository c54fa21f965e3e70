// Issue 8, R-DL-2 in Chromium: a children's day care decision is signed
// (set up through the API); the division specialist sees on the application
// page when the signed decision must reach the provider and records the
// hand-over; the inbox's follow-ups list it until then.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiToken, expectNoSeriousA11yViolations, logIn } from './support';

type Json = Record<string, unknown> & { id: string; version: number };

async function call(request: APIRequestContext, token: string, path: string, data: unknown, method: 'post' | 'put' = 'post'): Promise<Json> {
  const response = await request[method](path, { data, headers: { Authorization: `Bearer ${token}` } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as Json;
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Vilnius' }).format(new Date());
}

test('r_dl_2 the hand-over of a signed day care decision is due and recorded', async ({ page, request }) => {
  test.setTimeout(90_000);
  const worker = await apiToken(request, 'social_worker');
  const specialist = await apiToken(request, 'division_specialist');
  const head = await apiToken(request, 'division_head');
  const child = await call(request, worker, '/api/v1/persons', { first_name: 'Gabija', last_name: 'Perdavimaitė', birth_date: '2016-05-05' });
  let application = await call(request, worker, '/api/v1/applications', {
    person_id: child.id,
    service_code: 'children_day_centre',
    received_on: today(),
    channel: 'in_person',
    documents: [
      { code: 'sp8_application', status: 'provided' },
      { code: 'identity_document', status: 'provided' },
    ],
  });
  application = await call(
    request,
    worker,
    `/api/v1/applications/${application.id}/assessment`,
    { version: application.version, submitted_on: today(), conclusion: 'Reikia dienos priežiūros.' },
    'put',
  );
  application = await call(request, worker, `/api/v1/applications/${application.id}/forward`, { version: application.version });
  application = await call(request, specialist, `/api/v1/applications/${application.id}/decision`, {
    version: application.version,
    outcome: 'granted',
    reasoning: 'Skirti vaikų dienos socialinę priežiūrą.',
  });
  const decision = application.decision as Json;
  await call(request, head, `/api/v1/decisions/${decision.id}/sign`, { version: decision.version });

  await logIn(page, 'division_specialist');
  await page.goto('/inbox');
  const followUp = page.getByTestId('follow-up-row').filter({ hasText: 'Perdavimaitė, Gabija' });
  await expect(followUp).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await followUp.getByRole('link', { name: 'Perdavimaitė, Gabija' }).click();
  await expect(page.getByTestId('handover-due')).toContainText('Perduoti įstaigai iki');
  await page.getByLabel('Kam perduota (įstaiga)').fill('Vaikų dienos centras „Parama“');
  await page.getByRole('button', { name: 'Užregistruoti perdavimą' }).click();
  await expect(page.getByText('(Vaikų dienos centras „Parama“)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Užregistruoti perdavimą' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.goto('/inbox');
  await expect(page.getByTestId('follow-up-row').filter({ hasText: 'Perdavimaitė, Gabija' })).toHaveCount(0);
});
