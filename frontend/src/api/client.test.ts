import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthFetch, onSessionExpired } from './client';
import { session } from '@/lib/session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('transparent refresh', () => {
  beforeEach(() => session.clear());

  it('adds the bearer token', async () => {
    session.start({ access_token: 'A1', refresh_token: 'R1' });
    const fetchImpl = vi.fn(async (req: Request | string) => {
      expect((req as Request).headers.get('Authorization')).toBe('Bearer A1');
      return json(200, { ok: true });
    });
    const response = await createAuthFetch(fetchImpl as typeof fetch)(new Request('http://x/api/v1/me'));
    expect(response.status).toBe(200);
  });

  it('refreshes once for concurrent 401s and retries each request', async () => {
    session.start({ access_token: 'old', refresh_token: 'R1' });
    let refreshes = 0;
    const fetchImpl = vi.fn(async (input: Request | string, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input.url;
      if (url.endsWith('/api/v1/auth/refresh')) {
        refreshes += 1;
        expect(JSON.parse(String(init?.body))).toEqual({ refresh_token: 'R1' });
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { access_token: 'new', refresh_token: 'R2', token_type: 'Bearer', expires_in: 900, refresh_expires_in: 1 });
      }
      const auth = (input as Request).headers.get('Authorization');
      return auth === 'Bearer new' ? json(200, { ok: true }) : json(401, { code: 'token_expired' });
    });
    const authFetch = createAuthFetch(fetchImpl as typeof fetch);
    const responses = await Promise.all([
      authFetch(new Request('http://x/api/v1/me')),
      authFetch(new Request('http://x/api/v1/users')),
      authFetch(new Request('http://x/api/v1/organisation')),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
    expect(session.accessToken()).toBe('new');
    expect(session.refreshToken()).toBe('R2');
  });

  it('ends the session when the refresh fails', async () => {
    session.start({ access_token: 'old', refresh_token: 'R1' });
    const expired = vi.fn();
    onSessionExpired(expired);
    const fetchImpl = vi.fn(async (input: Request | string) => {
      const url = typeof input === 'string' ? input : input.url;
      return url.endsWith('/refresh') ? json(401, { code: 'invalid_refresh_token' }) : json(401, { code: 'token_expired' });
    });
    const response = await createAuthFetch(fetchImpl as typeof fetch)(new Request('http://x/api/v1/me'));
    expect(response.status).toBe(401);
    expect(expired).toHaveBeenCalledOnce();
    expect(session.accessToken()).toBeNull();
    expect(session.refreshToken()).toBeNull();
  });

  it('does not refresh for a failed login', async () => {
    session.start({ access_token: 'old', refresh_token: 'R1' });
    const fetchImpl = vi.fn(async () => json(401, { code: 'invalid_credentials' }));
    const response = await createAuthFetch(fetchImpl as typeof fetch)(
      new Request('http://x/api/v1/auth/login', { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(401);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
