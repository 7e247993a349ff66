import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import { studentQueryKey } from '@/api/students';
import type { SchoolId, Student } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Deletes a student with their guardian links and pickup persons (If-Match: the version read). */
export function deleteStudent(schoolId: SchoolId, student: Pick<Student, 'id' | 'version'>) {
  return unwrap(
    client.DELETE('/api/v1/schools/{school_id}/students/{id}', {
      params: { path: { school_id: schoolId, id: student.id }, header: ifMatch(student.version) },
    }),
  );
}

export function useDeleteStudent(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (student: Pick<Student, 'id' | 'version'>) => deleteStudent(schoolId, student),
    onSuccess: (_, student) => {
      queryClient.removeQueries({ queryKey: studentQueryKey(schoolId, student.id) });
      return invalidateAfterWrite(queryClient, schoolId, ['students', 'homerooms']);
    },
  });
}
