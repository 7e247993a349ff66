import type { Offering } from '@/api/types';

/** When the offering starts for a grade: grades 1–2 may start later (from the 2nd afternoon lesson). */
export function startFor(offering: Offering, grade: number): string {
  return grade <= 2 && offering.early_grades_start_time ? offering.early_grades_start_time : offering.start_time;
}

/** `16:30–17:30` for the child's grade. */
export function timeFor(offering: Offering, grade: number): string {
  return `${startFor(offering, grade)}–${offering.end_time}`;
}
