import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewServicePlan, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Drafts a new plan version (offerings and the application window). */
export function createServicePlan(schoolId: SchoolId, body: NewServicePlan) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/service-plans', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useCreateServicePlan(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewServicePlan) => createServicePlan(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['service-plans']),
  });
}
