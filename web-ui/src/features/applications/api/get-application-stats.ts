import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

export function applicationStatsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'application-stats', termId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/terms/{term_id}/application-stats', {
          params: { path: { school_id: schoolId, term_id: termId } },
          signal,
        }),
      ),
  });
}

export function useApplicationStats(schoolId: SchoolId, termId: TermId) {
  return useQuery(applicationStatsQueryOptions(schoolId, termId));
}
