import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** Everything a family of this student accepted: the exact texts, their hashes and a tamper check. */
export function acceptanceEvidenceQueryOptions(schoolId: SchoolId, studentId: StudentId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'evidence', studentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students/{id}/acceptance-evidence', {
          params: { path: { school_id: schoolId, id: studentId } },
          signal,
        }),
      ),
  });
}

export function useAcceptanceEvidence(schoolId: SchoolId, studentId: StudentId, enabled: boolean) {
  return useQuery({ ...acceptanceEvidenceQueryOptions(schoolId, studentId), enabled });
}
