// Login and logout against the API; the session store keeps the tokens.

import { api, refreshSession, type RefreshOutcome } from '@/api/client';
import { unwrap } from '@/api/problem';
import { session } from './session';

/** Logs in; throws an ApiProblem on failure. */
export async function login(username: string, password: string): Promise<void> {
  const pair = unwrap(await api.POST('/api/v1/auth/login', { body: { username, password } }));
  session.start(pair);
}

/** Logs out: ends the session on the server (best effort) and here. */
export async function logout(): Promise<void> {
  const refreshToken = session.refreshToken();
  session.clear();
  if (refreshToken) {
    try {
      await api.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken } });
    } catch {
      // The local session is gone either way; the refresh token expires.
    }
  }
}

/**
 * After a page reload: a new access token from the refresh token kept in
 * this tab. `rejected` when there is no session to restore.
 */
export async function restoreSession(): Promise<RefreshOutcome> {
  if (session.accessToken()) return 'refreshed';
  if (!session.refreshToken()) return 'rejected';
  return refreshSession();
}
