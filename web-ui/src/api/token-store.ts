/**
 * The session as this tab knows it. No secret is kept where a script could find it later:
 *
 * - the access token lives only in this module's memory (a reload forgets it);
 * - the refresh token is an HttpOnly, SameSite=Strict cookie the server sets for /api/v1/auth,
 *   which no script can read; after a reload the client trades it for a new access token
 *   (`bootstrapSession` in ./client).
 *
 * The status is `unknown` until that first refresh has answered, then `signed_in` or
 * `signed_out` (with `unreachable` when the server could not be asked, so signing in again is
 * not the only way back). Subscribers (the auth hooks) hear every change, including a forced
 * logout by the client and a logout in another tab (BroadcastChannel `kehou-session`).
 */
import type { TokenPair } from './types';

export type SessionStatus = 'unknown' | 'signed_in' | 'signed_out';
export type Session = {
  readonly status: SessionStatus;
  /** Signed out only because the server could not be reached: the cookie may still be good. */
  readonly unreachable: boolean;
};

/** What one tab tells the others on the `kehou-session` channel. */
export type SessionMessage = { type: 'signed_out' } | { type: 'signed_in' };

export const SESSION_CHANNEL = 'kehou-session';

/** Where earlier versions kept the tokens; removed when this module loads. */
export const LEGACY_TOKEN_KEYS = ['kehou.access_token', 'kehou.refresh_token'] as const;

type Listener = () => void;
const listeners = new Set<Listener>();

let accessToken: string | null = null;
let session: Session = { status: 'unknown', unreachable: false };

function dropLegacyTokens(): void {
  try {
    for (const key of LEGACY_TOKEN_KEYS) globalThis.localStorage?.removeItem(key);
  } catch {
    // Storage disabled (private mode, sandboxed frame): nothing was stored there either.
  }
}

function openChannel(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  try {
    return new BroadcastChannel(SESSION_CHANNEL);
  } catch {
    return null;
  }
}

dropLegacyTokens();
const channel = openChannel();

function set(next: Session, token: string | null): void {
  const changed = token !== accessToken || next.status !== session.status || next.unreachable !== session.unreachable;
  accessToken = token;
  if (next.status !== session.status || next.unreachable !== session.unreachable) session = next;
  if (changed) for (const listener of listeners) listener();
}

function tell(message: SessionMessage): void {
  try {
    channel?.postMessage(message);
  } catch {
    // A closed channel: the other tabs find out at their next request.
  }
}

channel?.addEventListener('message', (event: MessageEvent<SessionMessage>) => {
  if (event.data?.type === 'signed_out') {
    // Another tab logged out: the server has revoked the session, so drop this tab's token too.
    if (session.status !== 'signed_out' || accessToken !== null) {
      set({ status: 'signed_out', unreachable: false }, null);
    }
  } else if (event.data?.type === 'signed_in' && session.status !== 'unknown') {
    // Another tab signed in, perhaps as someone else, and the cookie is shared: ask the server
    // again (see bootstrapSession) rather than go on as whoever this tab was.
    set({ status: 'unknown', unreachable: false }, null);
  }
});

export const tokenStore = {
  accessToken(): string | null {
    return accessToken;
  },
  /** The current session; the same object until it changes (for useSyncExternalStore). */
  session(): Session {
    return session;
  },
  /**
   * Signed in with a fresh access token (login, activation, refresh). A refresh token in the
   * answer is never kept: in cookie sessions the server sends none.
   */
  save(pair: Pick<TokenPair, 'access_token'>, options?: { announce?: boolean }): void {
    set({ status: 'signed_in', unreachable: false }, pair.access_token);
    if (options?.announce) tell({ type: 'signed_in' });
  },
  /**
   * Signed out: the token is forgotten. `announce` (a deliberate logout) tells the other tabs,
   * which then forget theirs.
   */
  clear(options?: { announce?: boolean }): void {
    set({ status: 'signed_out', unreachable: false }, null);
    if (options?.announce) tell({ type: 'signed_out' });
  },
  /** The first refresh could not reach the server: signed out for now, `retry` may still work. */
  markUnreachable(): void {
    set({ status: 'signed_out', unreachable: true }, null);
  },
  /** Back to `unknown` to ask the server again (no effect while signed in). */
  retry(): void {
    if (session.status !== 'signed_in') set({ status: 'unknown', unreachable: false }, null);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
