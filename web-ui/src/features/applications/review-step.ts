import type { ReviewStep } from './api/review-application';

/** Statuses in which an application is still open (it may be withdrawn). */
export const OPEN_STATUSES: readonly string[] = [
  'draft',
  'submitted',
  'class_approved',
  'approved',
  'returned_for_changes',
];

/** Which review step an application waits for, if this user may take it. */
export function stepFor(status: string, canClassReview: boolean, canSchoolReview: boolean): ReviewStep | undefined {
  if (status === 'submitted' && canClassReview) return 'class';
  if (status === 'class_approved' && canSchoolReview) return 'school';
  return undefined;
}

/** The one step a bulk decision takes for the selected applications; undefined when they differ. */
export function bulkStep(
  statuses: readonly string[],
  canClassReview: boolean,
  canSchoolReview: boolean,
): ReviewStep | undefined {
  const steps = new Set(statuses.map((s) => stepFor(s, canClassReview, canSchoolReview)));
  if (steps.size !== 1) return undefined;
  return [...steps][0];
}
