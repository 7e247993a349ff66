import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApplicationId, SchoolId, Withdrawal } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Ends the enrollment on the effective date (a school admin, on the family's behalf). */
export function withdrawApplication(schoolId: SchoolId, id: ApplicationId, body: Withdrawal) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications/{id}/withdraw', {
      params: { path: { school_id: schoolId, id } },
      body,
    }),
  );
}

export function useWithdrawApplication(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: ApplicationId; body: Withdrawal }) => withdrawApplication(schoolId, id, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'application-stats']),
  });
}
