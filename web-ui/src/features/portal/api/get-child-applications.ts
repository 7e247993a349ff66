import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The guardian's applications of the term (the server lists only their own children's). */
export function myApplicationsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'portal', termId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/applications', {
          params: { path: { school_id: schoolId }, query: { term_id: termId, limit: 200 } },
          signal,
        }),
      ),
  });
}

/** One child's applications of the term, newest first (an earlier one may have been withdrawn). */
export function useChildApplications(schoolId: SchoolId, termId: TermId | undefined, studentId: StudentId) {
  const query = useQuery({ ...myApplicationsQueryOptions(schoolId, termId as TermId), enabled: termId !== undefined });
  const applications = (query.data?.items ?? []).filter((a) => a.student_id === studentId).sort((a, b) => b.id - a.id);
  return { ...query, applications };
}
