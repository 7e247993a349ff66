import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { flattenPages, nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

/** The term's requests the caller may see (a homeroom teacher: their homerooms'), optionally of one status, page by page. */
export function serviceRequestsQueryOptions(schoolId: SchoolId, termId: TermId, status: string | undefined) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'service-requests', 'list', { termId, status: status ?? 'all' }),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/service-requests', {
          params: {
            path: { school_id: schoolId },
            query: { term_id: termId, ...(status ? { status } : {}), limit: PAGE_SIZE, cursor: pageParam },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

/** The requests list of a term: the status shown (awaiting review first), its pages and the rows loaded. */
export function useServiceRequests(schoolId: SchoolId, termId: TermId) {
  const [status, setStatus] = useState<string>('submitted');
  const query = useInfiniteQuery(serviceRequestsQueryOptions(schoolId, termId, status === 'all' ? undefined : status));
  return { status, setStatus, query, requests: flattenPages(query.data) };
}

export type ServiceRequestsView = ReturnType<typeof useServiceRequests>;
