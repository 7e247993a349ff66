import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewStaff, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export function createStaff(schoolId: SchoolId, body: NewStaff) {
  return unwrap(client.POST('/api/v1/schools/{school_id}/staff', { params: { path: { school_id: schoolId } }, body }));
}

export function useCreateStaff(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStaff) => createStaff(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['staff']),
  });
}
