import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The signed-in guardian's children, in every school they attend. */
export function childrenQueryOptions() {
  return queryOptions({
    queryKey: ['portal', 'children'] as const,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/me/children', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useChildren() {
  return useQuery(childrenQueryOptions());
}
