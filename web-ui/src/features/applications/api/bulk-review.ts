import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { BulkReview, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** One decision for many applications; each is its own transaction, so the answer lists every outcome. */
export function bulkReview(schoolId: SchoolId, body: BulkReview) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications/bulk-review', {
      params: { path: { school_id: schoolId } },
      body,
    }),
  );
}

export function useBulkReview(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkReview) => bulkReview(schoolId, body),
    // Even a partly refused batch changed the others.
    onSettled: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'application-stats']),
  });
}
