import type { Offering } from '@/api/types';

/** When the offering starts for a grade: grades 1–2 may start later (from the 2nd afternoon lesson). */
export function startFor(offering: Offering, grade: number): string {
  return grade <= 2 && offering.early_grades_start_time ? offering.early_grades_start_time : offering.start_time;
}

/** `16:30–17:30` for the child's grade. */
export function timeFor(offering: Offering, grade: number): string {
  return `${startFor(offering, grade)}–${offering.end_time}`;
}

/**
 * The times a child may stay until on a special late request (特殊延时): every `step` minutes after
 * the offering ends, up to `span` minutes later and never past midnight.
 */
export function lateUntilOptions(offering: Offering, step = 10, span = 120): string[] {
  const [h, m] = offering.end_time.split(':').map(Number);
  const end = (h ?? 0) * 60 + (m ?? 0);
  const times: string[] = [];
  for (let t = end + step; t <= Math.min(end + span, 23 * 60 + 59); t += step) {
    times.push(`${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);
  }
  return times;
}
