import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ApplicationId, SchoolId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

export function myApplicationQueryOptions(schoolId: SchoolId, id: ApplicationId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'detail', id),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/applications/{id}', {
          params: { path: { school_id: schoolId, id } },
          signal,
        }),
      ),
  });
}

export function useMyApplication(schoolId: SchoolId | undefined, id: ApplicationId) {
  return useQuery({
    ...myApplicationQueryOptions(schoolId as SchoolId, id),
    enabled: schoolId !== undefined,
  });
}
