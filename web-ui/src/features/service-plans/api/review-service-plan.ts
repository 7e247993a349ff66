import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { PlanReview, SchoolId, ServicePlanId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export type PlanDecision = 'approve' | 'reject';

/** The district's decision on a submitted version: approve (then families may apply) or send back. */
export function reviewServicePlan(schoolId: SchoolId, id: ServicePlanId, decision: PlanDecision, body: PlanReview) {
  const params = { path: { school_id: schoolId, id } };
  return unwrap(
    decision === 'approve'
      ? client.POST('/api/v1/schools/{school_id}/service-plans/{id}/approve', { params, body })
      : client.POST('/api/v1/schools/{school_id}/service-plans/{id}/reject', { params, body }),
  );
}

export function useReviewServicePlan(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, body }: { id: ServicePlanId; decision: PlanDecision; body: PlanReview }) =>
      reviewServicePlan(schoolId, id, decision, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['service-plans']),
  });
}
