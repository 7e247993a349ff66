import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

export function termsQueryOptions(schoolId: SchoolId) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'terms', 'list'),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/terms', {
          params: { path: { school_id: schoolId }, query: { limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useTerms(schoolId: SchoolId) {
  return useInfiniteQuery(termsQueryOptions(schoolId));
}
