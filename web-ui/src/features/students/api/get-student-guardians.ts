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

/** The people guardians authorised to collect the student (授权接送人). */
export function studentPickupPersonsQueryOptions(schoolId: SchoolId, studentId: StudentId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'students', studentId, 'pickup-persons'),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students/{id}/pickup-persons', {
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

export function useStudentPickupPersons(schoolId: SchoolId, studentId: StudentId | undefined, enabled: boolean) {
  return useQuery({
    ...studentPickupPersonsQueryOptions(schoolId, studentId as StudentId),
    enabled: enabled && studentId !== undefined,
  });
}
