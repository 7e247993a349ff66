/** The session: whether tokens are present, and who the user is (GET /me). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import { tokenStore } from '@/api/token-store';

export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/me', { signal })),
    staleTime: 5 * 60_000,
  });
}

function subscribeToTokens(onChange: () => void): () => void {
  return tokenStore.subscribe(onChange);
}

function hasToken(): boolean {
  return tokenStore.accessToken() !== null;
}

/** True while an access token is stored; flips to false when the client ends the session. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribeToTokens, hasToken);
}

export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({ ...meQueryOptions(), enabled: signedIn });
}
