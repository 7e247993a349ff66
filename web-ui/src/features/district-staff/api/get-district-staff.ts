import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { DistrictId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { districtKey } from '@/lib/query-keys';

/** 区级人员: the district office's accounts (admins and viewers), paged. */
export function districtStaffQueryOptions(districtId: DistrictId) {
  return infiniteQueryOptions({
    queryKey: districtKey(districtId, 'staff', 'list'),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/districts/{district_id}/staff', {
          params: { path: { district_id: districtId }, query: { limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useDistrictStaff(districtId: DistrictId) {
  return useInfiniteQuery(districtStaffQueryOptions(districtId));
}
