import { useServicePlans } from '@/api/service-plans';
import type { SchoolId, ServicePlan } from '@/api/types';

/**
 * The plan families apply under. Per term only the newest approved version counts (as on the
 * server); among the terms, the one whose window is open now, else the one that opens next, else
 * the last one. Its term is the term the portal works on (guardians cannot list terms).
 */
export function openPlan(plans: readonly ServicePlan[], now: Date): ServicePlan | undefined {
  const current = new Map<number, ServicePlan>();
  for (const p of plans) {
    if (p.status !== 'approved') continue;
    const best = current.get(p.term_id);
    if (!best || p.version_no > best.version_no) current.set(p.term_id, p);
  }
  const approved = [...current.values()];
  const at = now.getTime();
  const opens = (p: ServicePlan) => Date.parse(p.window_opens_at);
  const closes = (p: ServicePlan) => Date.parse(p.window_closes_at);
  const open = approved.filter((p) => opens(p) <= at && at <= closes(p)).sort((a, b) => closes(a) - closes(b));
  if (open[0]) return open[0];
  const upcoming = approved.filter((p) => opens(p) > at).sort((a, b) => opens(a) - opens(b));
  return upcoming[0] ?? approved.sort((a, b) => closes(b) - closes(a))[0];
}

/** Families read every plan version of the school (only approved ones count). */
export function useOpenPlan(schoolId: SchoolId) {
  const query = useServicePlans(schoolId, undefined);
  return { ...query, plan: query.data ? openPlan(query.data.items, new Date()) : undefined };
}
