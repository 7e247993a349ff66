import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
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

/** A school has a handful of terms a year; pickers load them in one request. */
const PICKER_LIMIT = 100;

export function termPickerQueryOptions(schoolId: SchoolId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'terms', 'picker'),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/terms', {
          params: { path: { school_id: schoolId }, query: { limit: PICKER_LIMIT } },
          signal,
        }),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useTermPicker(schoolId: SchoolId) {
  return useQuery(termPickerQueryOptions(schoolId));
}
