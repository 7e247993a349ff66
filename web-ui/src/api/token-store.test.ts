import { afterEach, describe, expect, it, vi } from 'vitest';
import { installBrowserish, settle, type Browserish } from './test-env';

async function load(initialLocalStorage: Record<string, string> = {}) {
  const env = installBrowserish(initialLocalStorage);
  const { tokenStore, SESSION_CHANNEL } = await import('./token-store');
  return { env, tokenStore, SESSION_CHANNEL };
}

function allStored(env: Browserish): string[] {
  const entries: string[] = [];
  for (const storage of [env.localStorage, env.sessionStorage]) {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key !== null) entries.push(`${key}=${storage.getItem(key)}`);
    }
  }
  return entries;
}

const channels: BroadcastChannel[] = [];
function otherTab(name: string): BroadcastChannel {
  const channel = new BroadcastChannel(name);
  channels.push(channel);
  return channel;
}

afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
  vi.unstubAllGlobals();
});

describe('tokenStore', () => {
  it('removes the tokens earlier versions kept in localStorage, and nothing else', async () => {
    const { env } = await load({
      'kehou.access_token': 'old-access',
      'kehou.refresh_token': 'old-refresh',
      'kehou.locale': 'en-US',
    });
    expect(env.localStorage.getItem('kehou.access_token')).toBeNull();
    expect(env.localStorage.getItem('kehou.refresh_token')).toBeNull();
    expect(env.localStorage.getItem('kehou.locale')).toBe('en-US');
  });

  it('does not use a legacy token as the session', async () => {
    const { tokenStore } = await load({ 'kehou.access_token': 'old-access' });
    expect(tokenStore.accessToken()).toBeNull();
    expect(tokenStore.session()).toEqual({ status: 'unknown', unreachable: false });
  });

  it('keeps the access token in memory only: nothing is written to any storage', async () => {
    const { env, tokenStore } = await load();
    tokenStore.save({ access_token: 'access-1' });
    tokenStore.save({ access_token: 'access-2' }, { announce: true });
    expect(tokenStore.accessToken()).toBe('access-2');
    expect(env.localStorage.writes).toEqual([]);
    expect(env.sessionStorage.writes).toEqual([]);
    expect(allStored(env)).toEqual([]);
  });

  it('never keeps a refresh token that an answer might still carry', async () => {
    const { env, tokenStore } = await load();
    const pair = { access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer', expires_in: 900 };
    tokenStore.save(pair);
    expect(JSON.stringify(tokenStore)).not.toContain('refresh-1');
    expect(allStored(env).join('\n')).not.toContain('refresh-1');
  });

  it('moves unknown → signed in → signed out, and back to unknown to retry', async () => {
    const { tokenStore } = await load();
    expect(tokenStore.session().status).toBe('unknown');
    tokenStore.save({ access_token: 'access-1' });
    expect(tokenStore.session()).toEqual({ status: 'signed_in', unreachable: false });
    tokenStore.clear();
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: false });
    expect(tokenStore.accessToken()).toBeNull();
    tokenStore.markUnreachable();
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: true });
    tokenStore.retry();
    expect(tokenStore.session()).toEqual({ status: 'unknown', unreachable: false });
  });

  it('ignores retry while signed in', async () => {
    const { tokenStore } = await load();
    tokenStore.save({ access_token: 'access-1' });
    tokenStore.retry();
    expect(tokenStore.session().status).toBe('signed_in');
    expect(tokenStore.accessToken()).toBe('access-1');
  });

  it('keeps the same session object until the session changes (a refreshed token is not a change)', async () => {
    const { tokenStore } = await load();
    tokenStore.save({ access_token: 'access-1' });
    const first = tokenStore.session();
    tokenStore.save({ access_token: 'access-2' });
    expect(tokenStore.session()).toBe(first);
    tokenStore.clear();
    expect(tokenStore.session()).not.toBe(first);
  });

  it('tells subscribers of every change, and stops after unsubscribing', async () => {
    const { tokenStore } = await load();
    const listener = vi.fn();
    const unsubscribe = tokenStore.subscribe(listener);
    tokenStore.save({ access_token: 'access-1' });
    expect(listener).toHaveBeenCalledTimes(1);
    tokenStore.save({ access_token: 'access-2' });
    expect(listener).toHaveBeenCalledTimes(2);
    tokenStore.clear();
    expect(listener).toHaveBeenCalledTimes(3);
    expect(tokenStore.accessToken()).toBeNull();
    // Clearing again changes nothing, so nobody is told.
    tokenStore.clear();
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    tokenStore.save({ access_token: 'access-3' });
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('tells the other tabs of a logout, but not of a session that merely ended here', async () => {
    const { tokenStore, SESSION_CHANNEL } = await load();
    const heard: unknown[] = [];
    otherTab(SESSION_CHANNEL).onmessage = (event: MessageEvent) => heard.push(event.data);
    tokenStore.save({ access_token: 'access-1' });
    tokenStore.clear();
    await settle();
    expect(heard).toEqual([]);
    tokenStore.save({ access_token: 'access-2' }, { announce: true });
    tokenStore.clear({ announce: true });
    await settle();
    expect(heard).toEqual([{ type: 'signed_in' }, { type: 'signed_out' }]);
  });

  it('drops its token when another tab logs out', async () => {
    const { tokenStore, SESSION_CHANNEL } = await load();
    tokenStore.save({ access_token: 'access-1' });
    const listener = vi.fn();
    tokenStore.subscribe(listener);
    otherTab(SESSION_CHANNEL).postMessage({ type: 'signed_out' });
    await settle();
    expect(tokenStore.accessToken()).toBeNull();
    expect(tokenStore.session()).toEqual({ status: 'signed_out', unreachable: false });
    expect(listener).toHaveBeenCalled();
  });

  it('asks again (unknown) when another tab signs in', async () => {
    const { tokenStore, SESSION_CHANNEL } = await load();
    tokenStore.clear();
    otherTab(SESSION_CHANNEL).postMessage({ type: 'signed_in' });
    await settle();
    expect(tokenStore.session().status).toBe('unknown');
  });
});
