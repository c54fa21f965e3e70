import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@/i18n';
import type { ParametersView } from '../api/procedure-parameters';
import { ProcedureParametersPanel } from './procedure-parameters-panel';

const DEFAULTS = { assignment_working_days: 1, first_meeting_working_days: 10, review_interval_months: 6 };
const set = (id: string, valid_from: string, in_force: boolean, review_interval_months: number) => ({
  id,
  valid_from,
  in_force,
  created_at: '2026-01-01T08:00:00Z',
  assignment_working_days: 2,
  first_meeting_working_days: 12,
  review_interval_months,
});

/** Answers the list with `view`, and records every request. */
function stubApi(view: ParametersView) {
  const requests: { method: string; url: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      requests.push({ method: input.method, url: input.url });
      if (input.method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify(view), { headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return requests;
}

function renderPanel() {
  render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <ProcedureParametersPanel />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('case-management terms panel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the product defaults while the municipality has set none', async () => {
    stubApi({ items: [], defaults: DEFAULTS, in_force: DEFAULTS });
    renderPanel();
    expect(await screen.findByText('Numatytieji sistemos terminai')).toBeInTheDocument();
    expect(screen.getByTestId('in-force-first_meeting_working_days')).toHaveTextContent('10');
    expect(screen.getByText(/Savivaldybė savų terminų dar nenustatė/)).toBeInTheDocument();
  });

  it('lists the sets by date and withdraws only a planned one', async () => {
    const requests = stubApi({
      items: [set('p', '2090-01-01', false, 3), set('f', '2026-01-01', true, 4), set('o', '2025-01-01', false, 5)],
      defaults: DEFAULTS,
      in_force: { assignment_working_days: 2, first_meeting_working_days: 12, review_interval_months: 4 },
    });
    renderPanel();
    const planned = await screen.findByTestId('parameters-2090-01-01');
    expect(planned).toHaveTextContent('Įsigalios');
    expect(screen.getByTestId('parameters-2026-01-01')).toHaveTextContent('Galioja');
    expect(screen.getByTestId('parameters-2025-01-01')).toHaveTextContent('Nebegalioja');
    expect(screen.getByTestId('in-force-review_interval_months')).toHaveTextContent('4');
    expect(screen.getByText(/Galioja nuo 2026-01-01/)).toBeInTheDocument();
    // Only the planned set can be withdrawn.
    expect(screen.getAllByRole('button', { name: /^Atšaukti terminus nuo/ })).toHaveLength(1);

    await userEvent.click(within(planned).getByRole('button', { name: 'Atšaukti terminus nuo 2090-01-01' }));
    const confirm = await screen.findByRole('dialog', { name: 'Atšaukti dar neįsigaliojusius terminus?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Atšaukti terminus' }));
    expect(await screen.findByText('Terminai atšaukti.')).toBeInTheDocument();
    expect(requests).toContainEqual({ method: 'DELETE', url: expect.stringMatching(/\/api\/v1\/procedure-parameters\/p$/) });
  });
});
