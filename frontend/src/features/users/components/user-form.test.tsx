import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { ApiProblem } from '@/api/problem';
import { passwordProblem } from '@/lib/password';
import { UserForm } from './user-form';

const ORGANISATION = {
  municipality: { id: 'm1', code: 'kelme', name: 'Kelmės rajono savivaldybė' },
  elderships: [{ id: 'e1', code: 'kelmes_miesto', name: 'Kelmės miesto seniūnija' }],
  institutions: [],
};

const USER = {
  id: 'u1',
  username: 'social_worker',
  display_name: 'Rasa Petraitienė',
  roles: ['social_worker' as const],
  eldership: ORGANISATION.elderships[0],
  active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 3,
};

function renderForm(props: Partial<Parameters<typeof UserForm>[0]> = {}) {
  const onSubmit = vi.fn();
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <UserForm submitting={false} error={null} onSubmit={onSubmit} onCancel={() => {}} {...props} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return onSubmit;
}

describe('user form', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(ORGANISATION), { headers: { 'Content-Type': 'application/json' } })),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('checks a new user in Lithuanian before sending it', async () => {
    const onSubmit = renderForm();
    await userEvent.type(screen.getByRole('textbox', { name: /Naudotojo vardas/ }), 'jonas jonaitis');
    await userEvent.type(screen.getByLabelText(/Pradinis slaptažodis/), 'jonas jonaitis-1');
    await userEvent.click(screen.getByRole('button', { name: 'Sukurti naudotoją' }));
    expect(await screen.findByText('Įveskite vardą ir pavardę.')).toBeInTheDocument();
    expect(screen.getByText('Pasirinkite bent vieną rolę.')).toBeInTheDocument();
    expect(screen.getAllByText(/3–64 lotyniškos raidės/).length).toBeGreaterThan(0);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a valid new user', async () => {
    const onSubmit = renderForm();
    await userEvent.type(screen.getByRole('textbox', { name: /Naudotojo vardas/ }), 'jonas.jonaitis');
    await userEvent.type(screen.getByRole('textbox', { name: /Vardas ir pavardė/ }), 'Jonas Jonaitis');
    await userEvent.type(screen.getByLabelText(/Pradinis slaptažodis/), 'Saugus-Slaptas-9');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Atvejo vadybininkas' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sukurti naudotoją' }));
    expect(onSubmit).toHaveBeenCalledWith(
      {
        username: 'jonas.jonaitis',
        display_name: 'Jonas Jonaitis',
        password: 'Saugus-Slaptas-9',
        roles: ['case_manager'],
        eldership_id: null,
      },
      expect.anything(),
    );
  });

  it('shows server field errors next to the fields', () => {
    renderForm({
      error: new ApiProblem(
        { status: 422, code: 'validation_failed', errors: [{ field: 'password', code: 'contains_username', message: 'x' }] },
        422,
      ),
    });
    expect(screen.getByText('Slaptažodyje negali būti naudotojo vardo.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers to reload after a version conflict', async () => {
    const onReload = vi.fn();
    renderForm({
      user: USER,
      onReload,
      error: new ApiProblem({ status: 409, code: 'version_conflict', detail: 'changed' }, 409),
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Įrašą ką tik pakeitė kitas naudotojas – atnaujinkite.');
    await userEvent.click(screen.getByRole('button', { name: 'Atnaujinti duomenis' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('knows the password rules of the server', () => {
    expect(passwordProblem('short', 'jonas')).toBe('errors.fields.too_short');
    expect(passwordProblem('xx-Jonas-2026', 'jonas')).toBe('errors.fields.contains_username');
    expect(passwordProblem('aaaaaaaaaaaa', 'jonas')).toBe('errors.fields.too_simple');
    expect(passwordProblem('Saugus-Slaptas-9', 'jonas')).toBeNull();
  });
});
