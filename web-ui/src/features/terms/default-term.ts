import type { Term } from '@/api/types';

/**
 * The term a page opens with: the one running today, else the next to start, else the last
 * one that ended. Dates are school-local `YYYY-MM-DD`, so they compare as strings.
 */
export function defaultTerm(terms: readonly Term[], today: string): Term | undefined {
  const running = terms.find((t) => t.start_date <= today && today <= t.end_date);
  if (running) return running;
  const upcoming = terms.filter((t) => t.start_date > today).sort((a, b) => a.start_date.localeCompare(b.start_date));
  if (upcoming[0]) return upcoming[0];
  return [...terms].sort((a, b) => b.end_date.localeCompare(a.end_date))[0];
}
