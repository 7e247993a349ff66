import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { GuardianLink, SchoolId, StudentId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';
import { studentGuardiansQueryOptions } from './get-student-guardians';

/** Links a guardian (found by phone, or created); answers with the student's guardians. */
export function linkGuardian(schoolId: SchoolId, studentId: StudentId, body: GuardianLink) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/students/{id}/guardians', {
      params: { path: { school_id: schoolId, id: studentId } },
      body,
    }),
  );
}

export function useLinkGuardian(schoolId: SchoolId, studentId: StudentId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GuardianLink) => linkGuardian(schoolId, studentId, body),
    onSuccess: (guardians) => {
      queryClient.setQueryData(studentGuardiansQueryOptions(schoolId, studentId).queryKey, guardians);
      return invalidateAfterWrite(queryClient, schoolId, []);
    },
  });
}
