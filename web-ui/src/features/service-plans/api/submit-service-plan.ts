import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, ServicePlanId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Sends a draft version to the district for approval (school admins). */
export function submitServicePlan(schoolId: SchoolId, id: ServicePlanId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/service-plans/{id}/submit', {
      params: { path: { school_id: schoolId, id } },
    }),
  );
}

export function useSubmitServicePlan(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: ServicePlanId) => submitServicePlan(schoolId, id),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['service-plans']),
  });
}
