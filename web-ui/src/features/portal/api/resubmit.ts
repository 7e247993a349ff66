import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApplicationId, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Submits again an application returned for changes (or a draft). */
export function resubmit(schoolId: SchoolId, id: ApplicationId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications/{id}/submit', {
      params: { path: { school_id: schoolId, id } },
    }),
  );
}

export function useResubmit(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: ApplicationId) => resubmit(schoolId, id),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications']),
  });
}
