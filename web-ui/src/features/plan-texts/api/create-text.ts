import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewPlanText, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Drafts a new version of the notice, the application form or the agreement. */
export function createText(schoolId: SchoolId, body: NewPlanText) {
  return unwrap(client.POST('/api/v1/schools/{school_id}/texts', { params: { path: { school_id: schoolId } }, body }));
}

export function useCreateText(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPlanText) => createText(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['texts']),
  });
}
