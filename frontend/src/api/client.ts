// The API client: openapi-fetch over the generated types, with a middleware
// that adds the bearer token and refreshes the session transparently.
//
// When a request gets 401 and a refresh token is at hand, one refresh runs
// (concurrent requests wait for the same one; refresh tokens are single-use,
// so two refreshes would end the session) and the request is sent once more
// with the new token. When the server rejects the refresh token, the session
// ends and `onSessionExpired` is called. When the server cannot be reached,
// the session stays: the request fails and can be tried again.

import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session, type TokenPair } from '@/lib/session';

const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/auth/token'];

let expiredHandler: () => void = () => {};

/** What to do when the session cannot be refreshed (go to the login page). */
export function onSessionExpired(handler: () => void): void {
  expiredHandler = handler;
}

/** How a refresh ended. */
export type RefreshOutcome = 'refreshed' | 'rejected' | 'unreachable';

let refreshing: Promise<RefreshOutcome> | null = null;

type Fetch = (input: Request | string, init?: RequestInit) => Promise<Response>;
const globalFetch: Fetch = (input, init) => globalThis.fetch(input, init);

/**
 * Exchanges the refresh token for a new pair, one exchange at a time: a call
 * made while one is under way gets the same result.
 */
export function refreshSession(fetchImpl: Fetch = globalFetch): Promise<RefreshOutcome> {
  refreshing ??= (async (): Promise<RefreshOutcome> => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return 'rejected';
    let response: Response;
    try {
      response = await fetchImpl('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      });
    } catch {
      return 'unreachable';
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 429) {
      // invalid_refresh_token (expired, revoked, rotated): the session is over.
      session.clear();
      return 'rejected';
    }
    if (!response.ok) return 'unreachable';
    try {
      session.start((await response.json()) as TokenPair);
      return 'refreshed';
    } catch {
      return 'unreachable';
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function isAuthPath(url: string): boolean {
  return AUTH_PATHS.includes(new URL(url, 'http://localhost').pathname);
}

function authorize(request: Request, token: string | null): Request {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  else request.headers.delete('Authorization');
  return request;
}

/** Ends the session here and sends the user to the login page. */
function expire(): void {
  session.clear();
  expiredHandler();
}

/**
 * The openapi-fetch middleware: `Authorization: Bearer` on every request,
 * and on a 401 one refresh (shared with concurrent requests) and one retry.
 */
export function createAuthMiddleware(fetchImpl: Fetch = globalFetch): Middleware {
  // A copy of each request under way (its body unread), to send it again.
  const inFlight = new Map<string, { copy: Request; token: string | null }>();
  return {
    onRequest({ request, id }) {
      const token = session.accessToken();
      authorize(request, token);
      if (!isAuthPath(request.url)) inFlight.set(id, { copy: request.clone(), token });
      return request;
    },
    async onResponse({ response, id }) {
      const sent = inFlight.get(id);
      inFlight.delete(id);
      if (!sent || response.status !== 401) return undefined;
      if (!session.refreshToken()) {
        if (sent.token) expire();
        return undefined;
      }
      // Another request may have refreshed the session while this one was out.
      const current = session.accessToken();
      if (current && current !== sent.token) return fetchImpl(authorize(sent.copy, current));
      const outcome = await refreshSession(fetchImpl);
      if (outcome === 'refreshed') return fetchImpl(authorize(sent.copy, session.accessToken()));
      if (outcome === 'rejected') expire();
      return undefined;
    },
    onError({ id }) {
      inFlight.delete(id);
      return undefined;
    },
  };
}

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  // Looked up on each call (not once at start), so tests can stub it.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(createAuthMiddleware());
