import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { AuditFilters, SchoolId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

export type AuditSearch = Pick<AuditFilters, 'entity' | 'action'>;

/** The school's audit log, newest first, filtered by entity and action, paged by cursor. */
export function auditEventsQueryOptions(schoolId: SchoolId, search: AuditSearch) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'audit-events', 'list', search),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/audit-events', {
          params: { path: { school_id: schoolId }, query: { ...search, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useAuditEvents(schoolId: SchoolId, search: AuditSearch) {
  return useInfiniteQuery(auditEventsQueryOptions(schoolId, search));
}
