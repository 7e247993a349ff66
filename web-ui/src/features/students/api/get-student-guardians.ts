import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** A student's guardians (phones masked unless the caller's role allows them). */
export function studentGuardiansQueryOptions(schoolId: SchoolId, studentId: StudentId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'students', studentId, 'guardians'),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students/{id}/guardians', {
          params: { path: { school_id: schoolId, id: studentId } },
          signal,
        }),
      ),
  });
}

export function useStudentGuardians(schoolId: SchoolId, studentId: StudentId | undefined, enabled: boolean) {
  return useQuery({
    ...studentGuardiansQueryOptions(schoolId, studentId as StudentId),
    enabled: enabled && studentId !== undefined,
  });
}
