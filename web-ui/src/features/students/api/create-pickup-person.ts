import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { studentPickupPersonsQueryOptions } from '@/api/pickup-persons';
import { unwrap } from '@/api/problem';
import type { PickupPersonInput, SchoolId, StudentId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Adds someone the guardians authorise to collect the student (授权接送人). */
export function createPickupPerson(schoolId: SchoolId, studentId: StudentId, body: PickupPersonInput) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/students/{id}/pickup-persons', {
      params: { path: { school_id: schoolId, id: studentId } },
      body,
    }),
  );
}

export function useCreatePickupPerson(schoolId: SchoolId, studentId: StudentId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PickupPersonInput) => createPickupPerson(schoolId, studentId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentPickupPersonsQueryOptions(schoolId, studentId).queryKey }),
        invalidateAfterWrite(queryClient, schoolId, []),
      ]),
  });
}
