/**
 * The one API client. Every request goes through it so that each carries an X-Request-Id and,
 * when signed in, the Bearer token. A 401 triggers one token refresh (shared by concurrent
 * requests, because refresh tokens rotate) and one retry; if that fails the session ends.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { newRequestId } from './request-id';
import type { paths } from './schema';
import { tokenStore } from './token-store';

export const client = createClient<paths>({ baseUrl: '' });

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

async function doRefresh(): Promise<RefreshOutcome> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) return { kind: 'rejected' };
  try {
    const { data } = await client.POST('/api/v1/auth/refresh', {
      body: { refresh_token: refreshToken },
    });
    if (!data) return { kind: 'rejected' };
    tokenStore.save(data);
    return { kind: 'ok', accessToken: data.access_token };
  } catch {
    // The server is unreachable: keep the session, the user may retry.
    return { kind: 'offline' };
  }
}

function refreshOnce(): Promise<RefreshOutcome> {
  refreshing ??= doRefresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
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
    if (!original?.token) {
      tokenStore.clear();
      return undefined;
    }
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
