import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermInput } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export function createTerm(schoolId: SchoolId, body: TermInput) {
  return unwrap(client.POST('/api/v1/schools/{school_id}/terms', { params: { path: { school_id: schoolId } }, body }));
}

export function useCreateTerm(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TermInput) => createTerm(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['terms']),
  });
}
