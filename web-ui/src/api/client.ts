/**
 * The one API client. Every request goes through it so that each carries an X-Request-Id and,
 * when signed in, the Bearer token. A 401 triggers one token refresh (shared by concurrent
 * requests, because refresh tokens rotate) and one retry; if that fails the session ends.
 *
 * The refresh token is an HttpOnly cookie (path /api/v1/auth) that fetch sends by itself on
 * same-origin calls: refreshing posts `{}`, and no script ever sees the token.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { newRequestId } from './request-id';
import type { paths } from './schema';
import { tokenStore } from './token-store';

/** Same-origin cookies (the refresh cookie) go with every call; never to another origin. */
export const client = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** Calls that never trigger a refresh; login, activation and refresh also carry no Bearer token. */
const AUTH_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/activate',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
]);
const ANONYMOUS_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/activate',
  '/api/v1/auth/refresh',
]);

type Sent = { copy: Request; token: string | null };
/** A pristine copy of each request (its body is consumed by fetch) and the token it carried. */
const sent = new WeakMap<Request, Sent>();

type RefreshOutcome = { kind: 'ok'; accessToken: string } | { kind: 'rejected' } | { kind: 'offline' };
let refreshing: Promise<RefreshOutcome> | null = null;

/**
 * Tabs share the cookie, and presenting a rotated-away refresh token revokes the whole session:
 * so tabs refresh one after another (Web Locks), each with the cookie the previous one left.
 */
function oneTabAtATime<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request('kehou-refresh', run) as Promise<T>) : run();
}

async function doRefresh(): Promise<RefreshOutcome> {
  try {
    const { data, response } = await oneTabAtATime(() => client.POST('/api/v1/auth/refresh', { body: {} }));
    if (data) {
      tokenStore.save(data);
      return { kind: 'ok', accessToken: data.access_token };
    }
    // No valid cookie (401), or a refused request: the session is over. A busy or broken
    // server (5xx) says nothing about the session: keep it, the user may retry.
    return response.status >= 500 ? { kind: 'offline' } : { kind: 'rejected' };
  } catch {
    // The server is unreachable: keep the session, the user may retry.
    return { kind: 'offline' };
  }
}

/** One refresh at a time in this tab: concurrent 401s and the start-up share it. */
export function refreshOnce(): Promise<RefreshOutcome> {
  refreshing ??= doRefresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Finds out whether the refresh cookie still holds a session (at start-up, after a reload, when
 * another tab signed in, or on retry): while the session is `unknown`, trades the cookie for an
 * access token. Signed in on success, signed out on 401, signed out but retryable when the
 * server cannot be reached.
 */
export async function bootstrapSession(): Promise<void> {
  if (tokenStore.session().status !== 'unknown') return;
  const outcome = await refreshOnce();
  // A login may have finished meanwhile; its session wins over this answer.
  if (tokenStore.session().status !== 'unknown') return;
  if (outcome.kind === 'rejected') tokenStore.clear();
  else if (outcome.kind === 'offline') tokenStore.markUnreachable();
}

const authMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    request.headers.set('X-Request-Id', newRequestId());
    if (ANONYMOUS_PATHS.has(schemaPath)) return request;
    const token = tokenStore.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (AUTH_PATHS.has(schemaPath)) return request;
    sent.set(request, { copy: request.clone(), token });
    return request;
  },
  async onResponse({ request, response, schemaPath, options }) {
    if (response.status !== 401 || AUTH_PATHS.has(schemaPath)) return undefined;
    const original = sent.get(request);
    if (!original) return undefined;
    // Another request may have refreshed already while this one was in flight.
    const current = tokenStore.accessToken();
    let accessToken: string | null = current && current !== original.token ? current : null;
    if (!accessToken) {
      const outcome = await refreshOnce();
      if (outcome.kind === 'offline') return undefined;
      if (outcome.kind === 'rejected') {
        tokenStore.clear();
        return undefined;
      }
      accessToken = outcome.accessToken;
    }
    const retry = original.copy;
    retry.headers.set('Authorization', `Bearer ${accessToken}`);
    // Detached call: window.fetch throws "Illegal invocation" when `this` is not the window.
    const fetchAgain = options.fetch;
    const second = await fetchAgain(retry);
    if (second.status === 401) tokenStore.clear();
    return second;
  },
};

client.use(authMiddleware);
