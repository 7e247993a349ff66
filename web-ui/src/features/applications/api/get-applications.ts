import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApplicationFilters, SchoolId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

export type ApplicationSearch = Omit<ApplicationFilters, 'limit' | 'cursor'>;

/** The applications the caller may review: a homeroom teacher's class, everything for admins. */
export function applicationsQueryOptions(schoolId: SchoolId, search: ApplicationSearch) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'list', search),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/applications', {
          params: { path: { school_id: schoolId }, query: { ...search, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useApplications(schoolId: SchoolId, search: ApplicationSearch) {
  return useInfiniteQuery(applicationsQueryOptions(schoolId, search));
}
