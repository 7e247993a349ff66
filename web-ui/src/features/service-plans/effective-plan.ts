import type { ServicePlan, ServicePlanId } from '@/api/types';

/** Per term, the newest approved version is the one in force (families apply under it). */
export function effectivePlanIds(plans: readonly ServicePlan[]): Set<ServicePlanId> {
  const best = new Map<number, ServicePlan>();
  for (const p of plans) {
    if (p.status !== 'approved') continue;
    const current = best.get(p.term_id);
    if (!current || p.version_no > current.version_no) best.set(p.term_id, p);
  }
  return new Set([...best.values()].map((p) => p.id));
}
