import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The requests the caller may see (a homeroom teacher: their homerooms'), optionally of one status. */
export function serviceRequestsQueryOptions(schoolId: SchoolId, status: string | undefined) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'service-requests', 'list', status ?? 'all'),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/service-requests', {
          params: { path: { school_id: schoolId }, query: status ? { status } : {} },
          signal,
        }),
      ),
  });
}

export function useServiceRequests(schoolId: SchoolId, status: string | undefined) {
  return useQuery(serviceRequestsQueryOptions(schoolId, status));
}
