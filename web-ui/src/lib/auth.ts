/** The session: whether this tab is signed in (see api/token-store), and who the user is (GET /me). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { bootstrapSession, client } from '@/api/client';
import { unwrap } from '@/api/problem';
import { tokenStore, type Session } from '@/api/token-store';
import { queryClient } from './react-query';

export const meQueryKey = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/me', { signal })),
    staleTime: 5 * 60_000,
  });
}

/**
 * Whatever ends the session (a logout here or in another tab, the client when the refresh
 * cookie is no longer good, a sign-in in another tab), nothing fetched for that user stays in
 * the cache.
 */
let lastStatus = tokenStore.session().status;
tokenStore.subscribe(() => {
  const { status } = tokenStore.session();
  if (lastStatus === 'signed_in' && status !== 'signed_in') queryClient.clear();
  lastStatus = status;
});

function subscribe(onChange: () => void): () => void {
  return tokenStore.subscribe(onChange);
}

function currentSession(): Session {
  return tokenStore.session();
}

/**
 * The session, asking the server (the refresh cookie) while it is `unknown`: at start-up, and
 * again when another tab signed in or the user retries after the server was unreachable.
 */
export function useSession(): Session {
  const session = useSyncExternalStore(subscribe, currentSession);
  useEffect(() => {
    if (session.status === 'unknown') void bootstrapSession();
  }, [session.status]);
  return session;
}

/** True while this tab holds an access token; flips to false when the session ends. */
export function useSignedIn(): boolean {
  return useSession().status === 'signed_in';
}

export function useMe() {
  const signedIn = useSignedIn();
  return useQuery({ ...meQueryOptions(), enabled: signedIn });
}
