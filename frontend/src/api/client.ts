// The API client: openapi-fetch over the generated types, with the bearer
// token added and a transparent refresh. When a request gets 401 and a
// refresh token is at hand, one refresh runs (concurrent requests wait for
// the same one) and the request is sent once more. When the refresh fails,
// the session ends and `onSessionExpired` is called.

import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { session, type TokenPair } from '@/lib/session';

const AUTH_PATHS = ['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/auth/token'];

let expiredHandler: () => void = () => {};

/** What to do when the session cannot be refreshed (go to the login page). */
export function onSessionExpired(handler: () => void): void {
  expiredHandler = handler;
}

let refreshing: Promise<boolean> | null = null;

/** Exchanges the refresh token for a new pair, once at a time. */
export function refreshSession(fetchImpl: typeof fetch = globalThis.fetch): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = session.refreshToken();
      if (!refreshToken) return false;
      try {
        const response = await fetchImpl('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refresh_token: refreshToken }),
        });
        if (!response.ok) {
          session.clear();
          return false;
        }
        session.start((await response.json()) as TokenPair);
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function withToken(request: Request): Request {
  const token = session.accessToken();
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

function isAuthPath(url: string): boolean {
  const path = new URL(url, 'http://localhost').pathname;
  return AUTH_PATHS.includes(path);
}

/** `fetch` with the bearer token and one transparent refresh on 401. */
export function createAuthFetch(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
  return async (input: Request): Promise<Response> => {
    const retry = input.clone();
    const response = await fetchImpl(withToken(input));
    if (response.status !== 401 || isAuthPath(input.url) || !session.refreshToken()) {
      return response;
    }
    if (await refreshSession(fetchImpl)) {
      return fetchImpl(withToken(retry));
    }
    session.clear();
    expiredHandler();
    return response;
  };
}

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  fetch: createAuthFetch(),
});
