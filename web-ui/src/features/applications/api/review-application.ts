import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApplicationId, Review, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** 班级审核 (`class`: the homeroom teacher or an admin) or 学校复核 (`school`: admins). */
export type ReviewStep = 'class' | 'school';

export function reviewApplication(schoolId: SchoolId, id: ApplicationId, step: ReviewStep, body: Review) {
  const params = { path: { school_id: schoolId, id } };
  return unwrap(
    step === 'class'
      ? client.POST('/api/v1/schools/{school_id}/applications/{id}/class-review', { params, body })
      : client.POST('/api/v1/schools/{school_id}/applications/{id}/school-review', { params, body }),
  );
}

export function useReviewApplication(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, body }: { id: ApplicationId; step: ReviewStep; body: Review }) =>
      reviewApplication(schoolId, id, step, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'application-stats']),
  });
}
