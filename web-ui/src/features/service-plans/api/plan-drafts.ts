import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type { NewServicePlan, SchoolId, ServicePlan } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

type Ref = Pick<ServicePlan, 'id' | 'version'>;
type WindowEdit = { window_opens_at?: string | null; window_closes_at: string; reason: string };

/** Replaces a draft's window, exemptions and offerings (412 if someone changed it since). */
export function editServicePlan(schoolId: SchoolId, plan: Ref, body: NewServicePlan) {
  return unwrap(
    client.PUT('/api/v1/schools/{school_id}/service-plans/{id}', {
      params: { path: { school_id: schoolId, id: plan.id }, header: ifMatch(plan.version) },
      body,
    }),
  );
}

/** Deletes a draft. */
export function deleteServicePlan(schoolId: SchoolId, plan: Ref) {
  return unwrap(
    client.DELETE('/api/v1/schools/{school_id}/service-plans/{id}', {
      params: { path: { school_id: schoolId, id: plan.id }, header: ifMatch(plan.version) },
    }),
  );
}

/** Takes a submitted version back to draft, before the district decides. */
export function withdrawServicePlan(schoolId: SchoolId, plan: Ref) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/service-plans/{id}/withdraw', {
      params: { path: { school_id: schoolId, id: plan.id } },
    }),
  );
}

/** Extends an approved version's application window or closes it early, with a reason. */
export function changeServicePlanWindow(schoolId: SchoolId, plan: Ref, body: WindowEdit) {
  return unwrap(
    client.PATCH('/api/v1/schools/{school_id}/service-plans/{id}/window', {
      params: { path: { school_id: schoolId, id: plan.id }, header: ifMatch(plan.version) },
      body,
    }),
  );
}

function useWrite<A>(schoolId: SchoolId, fn: (a: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['service-plans']),
  });
}

export const useEditServicePlan = (schoolId: SchoolId) =>
  useWrite(schoolId, ({ plan, body }: { plan: Ref; body: NewServicePlan }) => editServicePlan(schoolId, plan, body));
export const useDeleteServicePlan = (schoolId: SchoolId) =>
  useWrite(schoolId, (plan: Ref) => deleteServicePlan(schoolId, plan));
export const useWithdrawServicePlan = (schoolId: SchoolId) =>
  useWrite(schoolId, (plan: Ref) => withdrawServicePlan(schoolId, plan));
export const useChangeServicePlanWindow = (schoolId: SchoolId) =>
  useWrite(schoolId, ({ plan, body }: { plan: Ref; body: WindowEdit }) =>
    changeServicePlanWindow(schoolId, plan, body),
  );
