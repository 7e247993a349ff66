/**
 * Access and refresh tokens, kept in localStorage so a reload keeps the session.
 * Subscribers (the auth provider) hear every change, including a forced logout by the client.
 */
import type { TokenPair } from './types';

const ACCESS_KEY = 'kehou.access_token';
const REFRESH_KEY = 'kehou.refresh_token';

type Listener = () => void;
const listeners = new Set<Listener>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function notify(): void {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  accessToken(): string | null {
    return read(ACCESS_KEY);
  },
  refreshToken(): string | null {
    return read(REFRESH_KEY);
  },
  save(pair: Pick<TokenPair, 'access_token' | 'refresh_token'>): void {
    window.localStorage.setItem(ACCESS_KEY, pair.access_token);
    window.localStorage.setItem(REFRESH_KEY, pair.refresh_token);
    notify();
  },
  clear(): void {
    window.localStorage.removeItem(ACCESS_KEY);
    window.localStorage.removeItem(REFRESH_KEY);
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    // Another tab logging in or out changes the same storage.
    const onStorage = (event: StorageEvent) => {
      if (event.key === ACCESS_KEY || event.key === REFRESH_KEY || event.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
};
