import type { Application } from '@/api/types';

/** The newest reviewer's comment, which a family needs to see first (e.g. what to change). */
export function latestComment(application: Application): string | undefined {
  return [...application.history].reverse().find((e) => e.comment && e.action !== 'create')?.comment ?? undefined;
}
