import { useServicePlans } from '@/api/service-plans';
import type { SchoolId, TermId } from '@/api/types';
import { termPlan } from '../staff-apply';

/** The term's approved plan (its offerings, exemption categories), which staff apply under. */
export function useTermPlan(schoolId: SchoolId, termId: TermId) {
  const query = useServicePlans(schoolId, termId);
  return { ...query, plan: query.data ? termPlan(query.data.items, termId) : undefined };
}
