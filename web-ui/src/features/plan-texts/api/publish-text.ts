import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { PlanTextId, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Publishes a draft: from then on it never changes and is the current version of its kind. */
export function publishText(schoolId: SchoolId, id: PlanTextId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/texts/{id}/publish', { params: { path: { school_id: schoolId, id } } }),
  );
}

export function usePublishText(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: PlanTextId) => publishText(schoolId, id),
    // A new notice changes the informed report (知晓率 counts receipts of the current notice).
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['texts', 'informed-report']),
  });
}
