import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** A new 8-digit portal activation code for a guardian (valid 14 days; replaces an older one). */
export function issueActivationCode(schoolId: SchoolId, guardianId: number) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/guardians/{id}/activation-code', {
      params: { path: { school_id: schoolId, id: guardianId } },
    }),
  );
}

export function useIssueActivationCode(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (guardianId: number) => issueActivationCode(schoolId, guardianId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolKey(schoolId, 'audit-events') }),
  });
}
