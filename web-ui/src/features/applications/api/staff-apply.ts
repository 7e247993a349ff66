import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import { useServicePlans } from '@/api/service-plans';
import type { Application, ApplicationEdit, NewApplication, SchoolId, TermId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';
import { termPlan } from '../staff-apply';

/** The term's approved plan (its offerings, exemption categories), which staff apply under. */
export function useTermPlan(schoolId: SchoolId, termId: TermId) {
  const query = useServicePlans(schoolId, termId);
  return { ...query, plan: query.data ? termPlan(query.data.items, termId) : undefined };
}

/** 代家长报名: applies and submits for the family (the server records the acceptance as staff's). */
export function useStaffApply(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewApplication; idempotencyKey: string }) =>
      unwrap(
        client.POST('/api/v1/schools/{school_id}/applications', {
          params: { path: { school_id: schoolId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans']),
  });
}

/**
 * 代为修改: saves the edit (If-Match: the version read) and submits it again. Should the submission
 * fail after the edit was saved, the refetched application carries the new version.
 */
export function useStaffEdit(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      application,
      body,
    }: {
      application: Pick<Application, 'id' | 'version'>;
      body: ApplicationEdit;
    }) => {
      const edited = await unwrap(
        client.PATCH('/api/v1/schools/{school_id}/applications/{id}', {
          params: { path: { school_id: schoolId, id: application.id }, header: ifMatch(application.version) },
          body,
        }),
      );
      return unwrap(
        client.POST('/api/v1/schools/{school_id}/applications/{id}/submit', {
          params: { path: { school_id: schoolId, id: edited.id } },
        }),
      );
    },
    onSettled: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans', 'clubs']),
  });
}
