import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import { studentQueryKey } from '@/api/students';
import type { SchoolId, Student, StudentPatch } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Changes a student; `version` is the one the user read (a stale one answers 412). */
export function updateStudent(schoolId: SchoolId, student: Pick<Student, 'id' | 'version'>, patch: StudentPatch) {
  return unwrap(
    client.PATCH('/api/v1/schools/{school_id}/students/{id}', {
      params: { path: { school_id: schoolId, id: student.id }, header: ifMatch(student.version) },
      body: patch,
    }),
  );
}

export function useUpdateStudent(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ student, patch }: { student: Pick<Student, 'id' | 'version'>; patch: StudentPatch }) =>
      updateStudent(schoolId, student, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(studentQueryKey(schoolId, updated.id), updated);
      return invalidateAfterWrite(queryClient, schoolId, ['students', 'homerooms']);
    },
  });
}
