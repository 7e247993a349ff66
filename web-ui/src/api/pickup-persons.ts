import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The people registered to collect the child (授权接送人); phones come masked to guardians. */
export function childPickupPersonsQueryOptions(schoolId: SchoolId, studentId: StudentId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'students', studentId, 'pickup-persons'),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students/{id}/pickup-persons', {
          params: { path: { school_id: schoolId, id: studentId } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
}

export function useChildPickupPersons(schoolId: SchoolId, studentId: StudentId) {
  return useQuery(childPickupPersonsQueryOptions(schoolId, studentId));
}
