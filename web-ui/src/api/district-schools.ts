import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { DistrictId, DistrictSchool } from '@/api/types';
import { districtKey } from '@/lib/query-keys';

/**
 * The district's schools, in id order: what an API client may be limited to, named on the
 * integration page. The one owner of GET /districts/{district_id}/schools.
 */
export function districtSchoolsQueryOptions(districtId: DistrictId) {
  return queryOptions({
    queryKey: districtKey(districtId, 'schools', 'list'),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/districts/{district_id}/schools', {
            params: { path: { district_id: districtId }, query: page },
            signal,
          }),
        ),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useDistrictSchools(districtId: DistrictId) {
  return useQuery(districtSchoolsQueryOptions(districtId));
}

/** A school's name by id; a school the list does not hold (yet) is shown by its number. */
export function schoolNamer(schools: readonly DistrictSchool[] | undefined, fallback: (id: number) => string) {
  const names = new Map((schools ?? []).map((s) => [s.id, s.name]));
  return (id: number) => names.get(id) ?? fallback(id);
}
