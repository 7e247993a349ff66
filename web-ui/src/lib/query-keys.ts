import type { QueryClient } from '@tanstack/react-query';
import type { DistrictId, SchoolId } from '@/api/types';

/**
 * Every query of school data starts with ['schools', schoolId], so switching school never shows
 * another school's cache and a roster import can invalidate the whole school at once.
 */
export function schoolKey(schoolId: SchoolId, ...parts: readonly unknown[]) {
  return ['schools', schoolId, ...parts] as const;
}

/** The second part of a school query's key: which list (and its details) it belongs to. */
export type SchoolArea =
  | 'students'
  | 'homerooms'
  | 'staff'
  | 'rooms'
  | 'terms'
  | 'imports'
  | 'audit-events'
  | 'service-plans'
  | 'texts'
  | 'informed-report'
  | 'applications'
  | 'application-stats'
  | 'clubs'
  | 'service-requests';

/**
 * After a write: refetch the areas it changed, and the audit log, which records every write.
 * (A new student changes the students and the homerooms' counts; a room only the rooms.)
 */
export function invalidateAfterWrite(
  queryClient: QueryClient,
  schoolId: SchoolId,
  areas: readonly SchoolArea[],
): Promise<unknown> {
  const all = new Set<SchoolArea>([...areas, 'audit-events']);
  return Promise.all([...all].map((area) => queryClient.invalidateQueries({ queryKey: schoolKey(schoolId, area) })));
}

/**
 * District data (its schools, API clients, webhook endpoints) starts with ['districts',
 * districtId]: it belongs to no school, so switching school keeps it.
 */
export function districtKey(districtId: DistrictId, ...parts: readonly unknown[]) {
  return ['districts', districtId, ...parts] as const;
}

/** The second part of a district query's key. */
export type DistrictArea = 'schools' | 'staff' | 'api-clients' | 'webhooks';

/** After a district write: refetch the areas it changed. */
export function invalidateDistrict(
  queryClient: QueryClient,
  districtId: DistrictId,
  areas: readonly DistrictArea[],
): Promise<unknown> {
  return Promise.all(areas.map((area) => queryClient.invalidateQueries({ queryKey: districtKey(districtId, area) })));
}
