import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi, afterEach } from 'vitest';
import '@/i18n';
import { LoginPage, safeNext } from './login-page';

function renderLogin(path = '/login') {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/', element: <p>landing</p> },
    ],
    { initialEntries: [path] },
  );
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return router;
}

describe('login page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for both fields in Lithuanian before calling the API', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    renderLogin();
    await userEvent.click(screen.getByRole('button', { name: 'Prisijungti' }));
    expect(await screen.findByText('Įveskite naudotojo vardą.')).toBeInTheDocument();
    expect(screen.getByText('Įveskite slaptažodį.')).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('shows a clear message for wrong credentials', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ status: 401, code: 'invalid_credentials', detail: 'Wrong username or password.' }), {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
      ),
    );
    renderLogin();
    await userEvent.type(screen.getByLabelText(/Naudotojo vardas/), 'admin');
    await userEvent.type(screen.getByLabelText(/Slaptažodis/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Prisijungti' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Neteisingas naudotojo vardas arba slaptažodis.');
  });

  it('says how long to wait after too many attempts', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(JSON.stringify({ status: 429, code: 'too_many_attempts', detail: 'Too many failed logins.' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '290' },
        }),
      ),
    );
    renderLogin();
    await userEvent.type(screen.getByLabelText(/Naudotojo vardas/), 'admin');
    await userEvent.type(screen.getByLabelText(/Slaptažodis/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Prisijungti' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Per daug nesėkmingų bandymų. Bandykite dar kartą po 5 min.',
    );
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    renderLogin();
    await userEvent.type(screen.getByLabelText(/Naudotojo vardas/), 'admin');
    await userEvent.type(screen.getByLabelText(/Slaptažodis/), 'Demo-2026!');
    await userEvent.click(screen.getByRole('button', { name: 'Prisijungti' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nepavyko susisiekti su serveriu.');
  });

  it('goes back only to pages of this application', () => {
    expect(safeNext('/users?page=2')).toBe('/users?page=2');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('/login?reason=expired')).toBe('/');
  });

  it('tells the user the session expired', () => {
    renderLogin('/login?reason=expired');
    expect(screen.getByRole('status')).toHaveTextContent('Jūsų sesija baigėsi. Prisijunkite iš naujo.');
  });

  it('logs in and goes on', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        new Response(
          JSON.stringify({ access_token: 'A', refresh_token: 'R', token_type: 'Bearer', expires_in: 900, refresh_expires_in: 100 }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
      ),
    );
    const router = renderLogin();
    await userEvent.type(screen.getByLabelText(/Naudotojo vardas/), 'admin');
    await userEvent.type(screen.getByLabelText(/Slaptažodis/), 'Demo-2026!');
    await userEvent.click(screen.getByRole('button', { name: 'Prisijungti' }));
    expect(await screen.findByText('landing')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
