import createClient from 'openapi-fetch';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthMiddleware, onSessionExpired, refreshSession } from './client';
import type { paths } from './schema';
import { session } from '@/lib/session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function pair(access: string, refresh: string) {
  return { access_token: access, refresh_token: refresh, token_type: 'Bearer', expires_in: 900, refresh_expires_in: 3600 };
}

const ME = { id: '1', kind: 'user', username: 'u', display_name: 'U', roles: [], scopes: [], municipality: { id: 'm', code: 'm', name: 'M' } };

/**
 * A fake server: the access token `valid` passes, others get 401
 * token_expired; the refresh token `R1` is exchanged (once) for `valid`/`R2`.
 */
function fakeServer({ refreshStatus = 200, delay = 10 } = {}) {
  const calls: string[] = [];
  const fetchImpl = vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = typeof input === 'string' ? new Request(new URL(input, 'http://x'), init) : input;
    const path = new URL(request.url).pathname;
    calls.push(`${request.method} ${path} ${request.headers.get('Authorization') ?? '-'}`);
    if (path === '/api/v1/auth/refresh') {
      const body = (await request.json()) as { refresh_token: string };
      await new Promise((r) => setTimeout(r, delay));
      if (refreshStatus !== 200) return json(refreshStatus, { status: refreshStatus, code: 'invalid_refresh_token' });
      return body.refresh_token === 'R1'
        ? json(200, pair('valid', 'R2'))
        : json(401, { status: 401, code: 'invalid_refresh_token' });
    }
    if (request.headers.get('Authorization') !== 'Bearer valid') {
      return json(401, { status: 401, code: 'token_expired', detail: 'expired' });
    }
    if (request.method === 'PATCH') return json(200, { echoed: await request.json() });
    return json(200, ME);
  });
  const client = createClient<paths>({ baseUrl: 'http://x', fetch: fetchImpl as typeof fetch });
  client.use(createAuthMiddleware(fetchImpl as typeof fetch));
  return { client, fetchImpl, calls };
}

describe('transparent refresh', () => {
  beforeEach(() => {
    session.clear();
    onSessionExpired(() => {});
  });

  it('adds the bearer token', async () => {
    session.start(pair('valid', 'R1'));
    const { client, calls } = fakeServer();
    const { data } = await client.GET('/api/v1/me');
    expect(data?.username).toBe('u');
    expect(calls).toEqual(['GET /api/v1/me Bearer valid']);
  });

  it('refreshes once for concurrent 401s and retries each request once', async () => {
    session.start(pair('old', 'R1'));
    const { client, calls } = fakeServer();
    const results = await Promise.all([
      client.GET('/api/v1/me'),
      client.GET('/api/v1/organisation'),
      client.GET('/api/v1/users'),
    ]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => c.includes('/auth/refresh'))).toHaveLength(1);
    expect(calls.filter((c) => c.endsWith('Bearer valid'))).toHaveLength(3);
    expect(session.accessToken()).toBe('valid');
    expect(session.refreshToken()).toBe('R2');
  });

  it('sends the body again on the retry', async () => {
    session.start(pair('old', 'R1'));
    const { client } = fakeServer();
    const { data } = await client.PATCH('/api/v1/users/{id}', {
      params: { path: { id: 'u1' } },
      body: { version: 3, display_name: 'Jonas' },
    });
    expect(data).toEqual({ echoed: { version: 3, display_name: 'Jonas' } });
  });

  it('does not refresh again when another request already did', async () => {
    session.start(pair('old', 'R1'));
    const calls: string[] = [];
    const middlewareFetch = vi.fn(async (r: Request | string) => {
      const request = r as Request;
      calls.push(`${new URL(request.url).pathname} ${request.headers.get('Authorization')}`);
      return json(200, ME);
    });
    const client = createClient<paths>({
      baseUrl: 'http://x',
      fetch: async () => {
        // Another request refreshes the session while this one is out.
        session.start({ access_token: 'newer', refresh_token: 'R3' });
        return json(401, { status: 401, code: 'token_expired' });
      },
    });
    client.use(createAuthMiddleware(middlewareFetch as typeof fetch));
    const { response } = await client.GET('/api/v1/me');
    expect(response.status).toBe(200);
    expect(calls).toEqual(['/api/v1/me Bearer newer']);
    expect(session.refreshToken()).toBe('R3');
  });

  it('ends the session when the server rejects the refresh token', async () => {
    session.start(pair('old', 'R-unknown'));
    const expired = vi.fn();
    onSessionExpired(expired);
    const { client } = fakeServer();
    const results = await Promise.all([client.GET('/api/v1/me'), client.GET('/api/v1/users')]);
    expect(results.map((r) => r.response.status)).toEqual([401, 401]);
    expect(expired).toHaveBeenCalled();
    expect(session.accessToken()).toBeNull();
    expect(session.refreshToken()).toBeNull();
  });

  it('keeps the session when the server cannot be reached', async () => {
    session.start(pair('old', 'R1'));
    const expired = vi.fn();
    onSessionExpired(expired);
    const outcome = await refreshSession(vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(outcome).toBe('unreachable');
    expect(session.refreshToken()).toBe('R1');
    const { client } = fakeServer({ refreshStatus: 503 });
    const { response } = await client.GET('/api/v1/me');
    expect(response.status).toBe(401);
    expect(expired).not.toHaveBeenCalled();
    expect(session.refreshToken()).toBe('R1');
  });

  it('does not refresh for a failed login', async () => {
    session.start(pair('old', 'R1'));
    const fetchImpl = vi.fn(async () => json(401, { status: 401, code: 'invalid_credentials' }));
    const client = createClient<paths>({ baseUrl: 'http://x', fetch: fetchImpl });
    client.use(createAuthMiddleware(fetchImpl as typeof fetch));
    const { response } = await client.POST('/api/v1/auth/login', { body: { username: 'a', password: 'b' } });
    expect(response.status).toBe(401);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(session.refreshToken()).toBe('R1');
  });

  it('restores the session after a reload from the refresh token alone', async () => {
    sessionStorage.setItem('atvejis.refresh', 'R1');
    const { client, calls } = fakeServer();
    const { response } = await client.GET('/api/v1/me');
    expect(response.status).toBe(200);
    expect(calls[0]).toBe('GET /api/v1/me -');
    expect(session.accessToken()).toBe('valid');
  });
});
