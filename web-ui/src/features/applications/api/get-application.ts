import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { Application, ApplicationId, SchoolId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

export function applicationQueryOptions(schoolId: SchoolId, id: ApplicationId) {
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

/** One application, read again when opened (the row is shown meanwhile). */
export function useApplication(schoolId: SchoolId, id: ApplicationId | undefined, row?: Application) {
  return useQuery({
    ...applicationQueryOptions(schoolId, id as ApplicationId),
    enabled: id !== undefined,
    placeholderData: row,
  });
}
