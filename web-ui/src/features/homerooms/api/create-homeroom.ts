import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewHomeroom, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export function createHomeroom(schoolId: SchoolId, body: NewHomeroom) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/homerooms', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useCreateHomeroom(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewHomeroom) => createHomeroom(schoolId, body),
    // The list and every grade's picker.
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['homerooms']),
  });
}
