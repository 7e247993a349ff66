import type { SchoolId } from '@/api/types';

/**
 * Every query of school data starts with ['schools', schoolId], so switching school never shows
 * another school's cache and a roster import can invalidate the whole school at once.
 */
export function schoolKey(schoolId: SchoolId, ...parts: readonly unknown[]) {
  return ['schools', schoolId, ...parts] as const;
}
