import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ClubId, SchoolId, Vetting } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** 审核备案: the school admin records the vetting of a club's external teacher (who, when, which checks). */
export function vetClub(schoolId: SchoolId, id: ClubId, body: Vetting) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/clubs/{id}/vetting', {
      params: { path: { school_id: schoolId, id } },
      body,
    }),
  );
}

export function useVetClub(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: ClubId; body: Vetting }) => vetClub(schoolId, id, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['clubs']),
  });
}
