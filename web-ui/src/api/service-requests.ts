/** GET /service-requests, its one owner: the staff's review list and a family's own requests. */
import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId, TermId } from '@/api/types';
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

/** A guardian's service requests of a term, whole (the server lists only their own children's). */
export function termServiceRequestsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'service-requests', 'term', termId),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/schools/{school_id}/service-requests', {
            params: { path: { school_id: schoolId }, query: { term_id: termId, ...page } },
            signal,
          }),
        ),
      ),
  });
}

/** One child's requests of the term, newest first. */
export function useStudentServiceRequests(schoolId: SchoolId, termId: TermId | undefined, studentId: StudentId) {
  const query = useQuery({
    ...termServiceRequestsQueryOptions(schoolId, termId as TermId),
    enabled: termId !== undefined,
  });
  const requests = (query.data?.items ?? [])
    .filter((r) => r.student_id === studentId && r.term_id === termId)
    .sort((a, b) => b.id - a.id);
  return { ...query, requests };
}
