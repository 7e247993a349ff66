import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

/** A school has well under this many homerooms; the picker loads them in one request. */
const PICKER_LIMIT = 100;

function listHomerooms(
  schoolId: SchoolId,
  query: { grade?: number; limit: number; cursor?: string },
  signal: AbortSignal,
) {
  return unwrap(
    client.GET('/api/v1/schools/{school_id}/homerooms', {
      params: { path: { school_id: schoolId }, query },
      signal,
    }),
  );
}

export function homeroomsQueryOptions(schoolId: SchoolId) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'homerooms', 'list'),
    queryFn: ({ pageParam, signal }) => listHomerooms(schoolId, { limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function homeroomPickerQueryOptions(schoolId: SchoolId, grade: number | undefined) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'homerooms', 'picker', grade ?? null),
    queryFn: ({ signal }) => listHomerooms(schoolId, { grade, limit: PICKER_LIMIT }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useHomerooms(schoolId: SchoolId) {
  return useInfiniteQuery(homeroomsQueryOptions(schoolId));
}

export function useHomeroomPicker(schoolId: SchoolId, grade: number | undefined) {
  return useQuery(homeroomPickerQueryOptions(schoolId, grade));
}
