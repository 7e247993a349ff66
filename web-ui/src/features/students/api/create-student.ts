import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewStudent, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export function createStudent(schoolId: SchoolId, body: NewStudent) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/students', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useCreateStudent(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStudent) => createStudent(schoolId, body),
    // The homeroom's student count changed too.
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['students', 'homerooms']),
  });
}
