import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApplicationId, SchoolId, Withdrawal } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** A family withdraws (自愿, at any time): the enrollment ends on the effective date. */
export function withdraw(schoolId: SchoolId, id: ApplicationId, body: Withdrawal) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications/{id}/withdraw', {
      params: { path: { school_id: schoolId, id } },
      body,
    }),
  );
}

export function useWithdraw(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: ApplicationId; body: Withdrawal }) => withdraw(schoolId, id, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans']),
  });
}
