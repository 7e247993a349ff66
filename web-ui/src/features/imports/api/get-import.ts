import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ImportJobId, ImportStatus, SchoolId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

const POLL_MS = 1000;

export function isImportActive(status: ImportStatus | undefined): boolean {
  return status === 'queued' || status === 'running';
}

export function importQueryKey(schoolId: SchoolId, jobId: ImportJobId) {
  return schoolKey(schoolId, 'imports', jobId);
}

export function importQueryOptions(schoolId: SchoolId, jobId: ImportJobId) {
  return queryOptions({
    queryKey: importQueryKey(schoolId, jobId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/imports/{id}', {
          params: { path: { school_id: schoolId, id: jobId } },
          signal,
        }),
      ),
    // Poll while the server works on the file; a finished job does not change.
    refetchInterval: (query) => (isImportActive(query.state.data?.status) ? POLL_MS : false),
    staleTime: (query) => (isImportActive(query.state.data?.status) ? 0 : Infinity),
  });
}

/** An import job, polled until it is validated, failed or committed. */
export function useImportJob(schoolId: SchoolId, jobId: ImportJobId | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...importQueryOptions(schoolId, jobId as ImportJobId),
    enabled: jobId !== undefined,
  });
  const committed = query.data?.status === 'committed' && !query.data.dry_run;
  useEffect(() => {
    // Students, homerooms and guardians all changed: refetch everything of this school.
    if (committed) void queryClient.invalidateQueries({ queryKey: schoolKey(schoolId), refetchType: 'none' });
  }, [committed, queryClient, schoolId]);
  return query;
}
