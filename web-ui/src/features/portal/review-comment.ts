import type { Application } from '@/api/types';

/** Resubmitting answers an earlier reviewer's comment (an edit alone does not: it is not sent yet). */
const ANSWERED_BY = new Set(['submit']);

/**
 * The reviewer's comment a family needs to see first (e.g. what to change): the newest
 * comment of a review step, unless the family has since resubmitted.
 */
export function latestComment(application: Application): string | undefined {
  for (const e of [...application.history].reverse()) {
    if (ANSWERED_BY.has(e.action)) return undefined;
    if (e.comment && e.action !== 'create' && e.actor_role !== 'guardian') return e.comment;
  }
  return undefined;
}
