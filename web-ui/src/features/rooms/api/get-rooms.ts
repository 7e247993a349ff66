import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

export function roomsQueryOptions(schoolId: SchoolId) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'rooms', 'list'),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/rooms', {
          params: { path: { school_id: schoolId }, query: { limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useRooms(schoolId: SchoolId) {
  return useInfiniteQuery(roomsQueryOptions(schoolId));
}
