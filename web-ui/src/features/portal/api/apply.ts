import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewApplication, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/**
 * Applies (and submits) for a child. The same `Idempotency-Key` for one filled-in form makes a
 * retry after a dropped connection safe: the server answers with the application it made.
 */
export function apply(schoolId: SchoolId, body: NewApplication, idempotencyKey: string) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications', {
      params: { path: { school_id: schoolId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export function useApply(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewApplication; idempotencyKey: string }) =>
      apply(schoolId, body, idempotencyKey),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans']),
  });
}
