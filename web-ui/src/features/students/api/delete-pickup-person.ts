import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { studentPickupPersonsQueryOptions } from '@/api/pickup-persons';
import { unwrap } from '@/api/problem';
import type { PickupPersonId, SchoolId, StudentId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export function deletePickupPerson(schoolId: SchoolId, studentId: StudentId, personId: PickupPersonId) {
  return unwrap(
    client.DELETE('/api/v1/schools/{school_id}/students/{id}/pickup-persons/{person_id}', {
      params: { path: { school_id: schoolId, id: studentId, person_id: personId } },
    }),
  );
}

export function useDeletePickupPerson(schoolId: SchoolId, studentId: StudentId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: PickupPersonId) => deletePickupPerson(schoolId, studentId, personId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentPickupPersonsQueryOptions(schoolId, studentId).queryKey }),
        invalidateAfterWrite(queryClient, schoolId, []),
      ]),
  });
}
