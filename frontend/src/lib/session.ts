// The login session: the access token lives in memory only; the refresh token
// in sessionStorage (this tab only, gone when the tab closes — workstations
// in municipal offices are often shared).

import type { components } from '@/api/schema';

export type TokenPair = components['schemas']['TokenPair'];

const REFRESH_KEY = 'atvejis.refresh';

type Listener = () => void;

let accessToken: string | null = null;
const listeners = new Set<Listener>();

export const session = {
  accessToken(): string | null {
    return accessToken;
  },
  refreshToken(): string | null {
    return sessionStorage.getItem(REFRESH_KEY);
  },
  /** Stores a pair from login or refresh. */
  start(pair: Pick<TokenPair, 'access_token' | 'refresh_token'>): void {
    accessToken = pair.access_token;
    sessionStorage.setItem(REFRESH_KEY, pair.refresh_token);
    listeners.forEach((l) => l());
  },
  /** Forgets both tokens. */
  clear(): void {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
    listeners.forEach((l) => l());
  },
  /** Called whenever the session starts or ends. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
