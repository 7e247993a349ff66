import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewClub, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Adds a club to the term's catalogue. */
export function createClub(schoolId: SchoolId, body: NewClub) {
  return unwrap(client.POST('/api/v1/schools/{school_id}/clubs', { params: { path: { school_id: schoolId } }, body }));
}

export function useCreateClub(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewClub) => createClub(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['clubs']),
  });
}
