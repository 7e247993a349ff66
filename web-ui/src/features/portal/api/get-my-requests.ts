import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The guardian's service requests of a term (the server lists only their own children's). */
export function myRequestsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'service-requests', 'portal', termId),
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
export function useChildRequests(schoolId: SchoolId, termId: TermId | undefined, studentId: StudentId) {
  const query = useQuery({ ...myRequestsQueryOptions(schoolId, termId as TermId), enabled: termId !== undefined });
  const requests = (query.data?.items ?? [])
    .filter((r) => r.student_id === studentId && r.term_id === termId)
    .sort((a, b) => b.id - a.id);
  return { ...query, requests };
}
