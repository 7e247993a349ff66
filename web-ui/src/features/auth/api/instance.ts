import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';

/** What this server is (no sign-in needed): whether it holds the demo data, and its version. */
export function instanceQueryOptions() {
  return queryOptions({
    queryKey: ['instance'] as const,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/instance', { signal })),
    // The server's data set does not change while it runs.
    staleTime: Infinity,
  });
}

export function useInstance() {
  return useQuery(instanceQueryOptions());
}
