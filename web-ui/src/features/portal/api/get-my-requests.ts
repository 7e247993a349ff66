import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The guardian's service requests (the server lists only their own children's). */
export function myRequestsQueryOptions(schoolId: SchoolId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'service-requests', 'portal'),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/service-requests', {
          params: { path: { school_id: schoolId } },
          signal,
        }),
      ),
  });
}

/** One child's requests of the term, newest first. */
export function useChildRequests(schoolId: SchoolId, termId: TermId | undefined, studentId: StudentId) {
  const query = useQuery({ ...myRequestsQueryOptions(schoolId), enabled: termId !== undefined });
  const requests = (query.data?.items ?? [])
    .filter((r) => r.student_id === studentId && r.term_id === termId)
    .sort((a, b) => b.id - a.id);
  return { ...query, requests };
}
