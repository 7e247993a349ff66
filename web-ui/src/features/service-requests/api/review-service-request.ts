import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { RequestReview, SchoolId, ServiceRequestId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Approves or rejects a submitted request (school and district admins). */
export function reviewServiceRequest(schoolId: SchoolId, id: ServiceRequestId, body: RequestReview) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/service-requests/{id}/review', {
      params: { path: { school_id: schoolId, id } },
      body,
    }),
  );
}

export function useReviewServiceRequest(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: ServiceRequestId; body: RequestReview }) =>
      reviewServiceRequest(schoolId, id, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['service-requests']),
  });
}
