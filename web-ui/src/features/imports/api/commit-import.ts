import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { ImportJobId, SchoolId } from '@/api/types';
import { importQueryKey } from './get-import';

/** Commits a validated dry run; the server answers 202 with a new job that writes the rows. */
export function commitImport(schoolId: SchoolId, jobId: ImportJobId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/imports/{id}/commit', {
      params: { path: { school_id: schoolId, id: jobId } },
    }),
  );
}

export function useCommitImport(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: ImportJobId) => commitImport(schoolId, jobId),
    onSuccess: (job) => queryClient.setQueryData(importQueryKey(schoolId, job.id), job),
  });
}
