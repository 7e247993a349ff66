import { afterEach, describe, expect, it, vi } from 'vitest';
import { installBrowserish, settle } from '@/api/test-env';

async function load() {
  installBrowserish();
  const { tokenStore, SESSION_CHANNEL } = await import('@/api/token-store');
  const { queryClient } = await import('./react-query');
  const { meQueryKey } = await import('./auth');
  return { tokenStore, SESSION_CHANNEL, queryClient, meQueryKey };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the session and the query cache', () => {
  it('keeps the cache while signed in and drops it when the session ends', async () => {
    const { tokenStore, queryClient, meQueryKey } = await load();
    tokenStore.save({ access_token: 'access-1' });
    queryClient.setQueryData(meQueryKey, { username: 'admin' });
    tokenStore.save({ access_token: 'access-2' });
    expect(queryClient.getQueryData(meQueryKey)).toEqual({ username: 'admin' });
    tokenStore.clear();
    expect(queryClient.getQueryData(meQueryKey)).toBeUndefined();
  });

  it('drops it when another tab logs out or signs in (perhaps as someone else)', async () => {
    const { tokenStore, SESSION_CHANNEL, queryClient, meQueryKey } = await load();
    const otherTab = new BroadcastChannel(SESSION_CHANNEL);
    try {
      tokenStore.save({ access_token: 'access-1' });
      queryClient.setQueryData(meQueryKey, { username: 'admin' });
      otherTab.postMessage({ type: 'signed_out' });
      await settle();
      expect(queryClient.getQueryData(meQueryKey)).toBeUndefined();

      tokenStore.save({ access_token: 'access-2' });
      queryClient.setQueryData(meQueryKey, { username: 'admin' });
      otherTab.postMessage({ type: 'signed_in' });
      await settle();
      expect(tokenStore.session().status).toBe('unknown');
      expect(queryClient.getQueryData(meQueryKey)).toBeUndefined();
    } finally {
      otherTab.close();
    }
  });
});
