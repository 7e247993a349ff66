/**
 * The session as the client keeps it: the start-up refresh through the HttpOnly cookie, the
 * 401 → refresh → retry of API calls, and what each answer does to the session state.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installBrowserish, json, noSession, settle, TEST_ORIGIN, tokenPair, type Browserish } from './test-env';

async function load() {
  const env = installBrowserish();
  const { client, bootstrapSession } = await import('./client');
  const { tokenStore } = await import('./token-store');
  return { env, client, bootstrapSession, tokenStore };
}

const ME = { kind: 'staff', display_name: '管理员' };

function calls(env: Browserish): Request[] {
  return env.fetch.mock.calls.map(([request]) => request);
}

function refreshCalls(env: Browserish): Request[] {
  return calls(env).filter((r) => new URL(r.url).pathname === '/api/v1/auth/refresh');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('bootstrapSession', () => {
  it('trades the cookie for an access token: POST /auth/refresh with {} and same-origin credentials', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    env.fetch.mockResolvedValueOnce(tokenPair('access-1'));
    await bootstrapSession();
    expect(tokenStore.session()).toEqual({ status: 'signed_in', unreachable: false });
    expect(tokenStore.accessToken()).toBe('access-1');
    const [refresh] = calls(env);
    expect(refresh?.method).toBe('POST');
    expect(refresh?.url).toBe(`${TEST_ORIGIN}/api/v1/auth/refresh`);
    expect(refresh?.credentials).toBe('same-origin');
    expect(refresh?.headers.get('Authorization')).toBeNull();
    expect(await refresh?.text()).toBe('{}');
    expect(env.localStorage.writes).toEqual([]);
    expect(env.sessionStorage.writes).toEqual([]);
  });

  it('is signed out, for good, when the server has no session for the cookie (401)', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    env.fetch.mockResolvedValueOnce(noSession());
    await bootstrapSession();
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: false });
    expect(tokenStore.accessToken()).toBeNull();
  });

  it('is signed out but may retry when the server cannot be reached, then signs in on retry', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    env.fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await bootstrapSession();
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: true });

    tokenStore.retry();
    env.fetch.mockResolvedValueOnce(tokenPair('access-2'));
    await bootstrapSession();
    expect(tokenStore.session()).toEqual({ status: 'signed_in', unreachable: false });
    expect(tokenStore.accessToken()).toBe('access-2');
  });

  it('treats a busy server (503) like an unreachable one: the cookie may still be good', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    env.fetch.mockResolvedValueOnce(
      json(503, { type: 'about:blank', title: 'busy', status: 503, detail: '', code: 'service_unavailable' }),
    );
    await bootstrapSession();
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: true });
  });

  it('asks the server once however many callers start it', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    env.fetch.mockImplementation(() => settle(5).then(() => tokenPair('access-1')));
    await Promise.all([bootstrapSession(), bootstrapSession(), bootstrapSession()]);
    expect(refreshCalls(env)).toHaveLength(1);
    expect(tokenStore.session().status).toBe('signed_in');
    // Known now: no more asking.
    await bootstrapSession();
    expect(refreshCalls(env)).toHaveLength(1);
  });

  it('does nothing once the session is known', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    tokenStore.clear();
    await bootstrapSession();
    expect(env.fetch).not.toHaveBeenCalled();
  });

  it('lets a login that finished meanwhile win over a refused start-up refresh', async () => {
    const { env, bootstrapSession, tokenStore } = await load();
    env.fetch.mockImplementationOnce(() => settle(5).then(() => noSession()));
    const starting = bootstrapSession();
    tokenStore.save({ access_token: 'from-login' });
    await starting;
    expect(tokenStore.session().status).toBe('signed_in');
    expect(tokenStore.accessToken()).toBe('from-login');
  });

  it('refreshes one tab at a time when the browser has Web Locks', async () => {
    const request = vi.fn((_name: string, run: () => Promise<unknown>) => run());
    const { env, bootstrapSession } = await load();
    vi.stubGlobal('navigator', { locks: { request } });
    env.fetch.mockResolvedValueOnce(tokenPair('access-1'));
    await bootstrapSession();
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toBe('kehou-refresh');
  });
});

describe('401 → refresh → retry', () => {
  it('refreshes through the cookie and retries with the new token', async () => {
    const { env, client, tokenStore } = await load();
    tokenStore.save({ access_token: 'expired' });
    env.fetch
      .mockResolvedValueOnce(
        json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: '', code: 'auth.token_expired' }),
      )
      .mockResolvedValueOnce(tokenPair('fresh'))
      .mockResolvedValueOnce(json(200, ME));
    const { data } = await client.GET('/api/v1/me');
    expect(data).toEqual(ME);
    const [first, refresh, retry] = calls(env);
    expect(first?.headers.get('Authorization')).toBe('Bearer expired');
    expect(await refresh?.text()).toBe('{}');
    expect(refresh?.headers.get('Authorization')).toBeNull();
    expect(retry?.headers.get('Authorization')).toBe('Bearer fresh');
    expect(tokenStore.accessToken()).toBe('fresh');
    expect(env.localStorage.writes).toEqual([]);
  });

  it('shares one refresh between concurrent 401s (the cookie rotates)', async () => {
    const { env, client, tokenStore } = await load();
    tokenStore.save({ access_token: 'expired' });
    env.fetch.mockImplementation(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/refresh') {
        await settle(5);
        return tokenPair('fresh');
      }
      return request.headers.get('Authorization') === 'Bearer fresh'
        ? json(200, ME)
        : json(401, {
            type: 'about:blank',
            title: 'Unauthorized',
            status: 401,
            detail: '',
            code: 'auth.token_expired',
          });
    });
    const answers = await Promise.all([client.GET('/api/v1/me'), client.GET('/api/v1/me'), client.GET('/api/v1/me')]);
    expect(answers.map((a) => a.response.status)).toEqual([200, 200, 200]);
    expect(refreshCalls(env)).toHaveLength(1);
  });

  it('ends the session when the cookie is no longer good', async () => {
    const { env, client, tokenStore } = await load();
    tokenStore.save({ access_token: 'expired' });
    env.fetch
      .mockResolvedValueOnce(
        json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: '', code: 'auth.token_expired' }),
      )
      .mockResolvedValueOnce(noSession());
    const { response } = await client.GET('/api/v1/me');
    expect(response.status).toBe(401);
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: false });
    expect(tokenStore.accessToken()).toBeNull();
  });

  it('keeps the session when the refresh cannot reach the server', async () => {
    const { env, client, tokenStore } = await load();
    tokenStore.save({ access_token: 'expired' });
    env.fetch
      .mockResolvedValueOnce(
        json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: '', code: 'auth.token_expired' }),
      )
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { response } = await client.GET('/api/v1/me');
    expect(response.status).toBe(401);
    expect(tokenStore.session().status).toBe('signed_in');
    expect(tokenStore.accessToken()).toBe('expired');
  });

  it('sends login without a Bearer token, asking for a cookie session', async () => {
    const { env, client } = await load();
    env.fetch.mockResolvedValueOnce(tokenPair('access-1'));
    await client.POST('/api/v1/auth/login', { body: { username: 'admin', password: 'x', session: 'cookie' } });
    const [login] = calls(env);
    expect(login?.headers.get('Authorization')).toBeNull();
    expect(JSON.parse((await login?.text()) ?? '{}')).toEqual({ username: 'admin', password: 'x', session: 'cookie' });
    expect(env.localStorage.writes).toEqual([]);
  });
});
