import type { ServicePlan, TermId } from '@/api/types';

/** The plan a term's applications go under: its newest approved version (as on the server). */
export function termPlan(plans: readonly ServicePlan[], termId: TermId): ServicePlan | undefined {
  return plans
    .filter((p) => p.term_id === termId && p.status === 'approved')
    .sort((a, b) => b.version_no - a.version_no)[0];
}
