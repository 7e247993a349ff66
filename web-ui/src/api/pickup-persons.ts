import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/**
 * The people guardians authorised to collect the student (授权接送人): the student's contacts
 * (staff) and the apply form's leave section (families; phones come masked to them). The one
 * owner of GET /students/{id}/pickup-persons.
 */
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

export function useStudentPickupPersons(schoolId: SchoolId, studentId: StudentId | undefined, enabled = true) {
  return useQuery({
    ...studentPickupPersonsQueryOptions(schoolId, studentId as StudentId),
    enabled: enabled && studentId !== undefined,
  });
}
