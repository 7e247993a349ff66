import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { paths } from '@/api/schema';
import type { ImportJob, SchoolId } from '@/api/types';
import { importQueryKey } from './get-import';

type CreateImportBody = NonNullable<
  paths['/api/v1/schools/{school_id}/imports']['post']['requestBody']
>['content']['multipart/form-data'];

/** Uploads a roster file (.xlsx/.csv) as multipart form data; the server answers 202 with the job. */
export function createImport(schoolId: SchoolId, file: File, dryRun: boolean): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('dry_run', dryRun ? 'true' : 'false');
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/imports', {
      params: { path: { school_id: schoolId } },
      // The typed body describes the form's fields; the FormData above is what is sent.
      body: form as unknown as CreateImportBody,
      bodySerializer: () => form,
    }),
  );
}

export function useCreateImport(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => createImport(schoolId, file, dryRun),
    onSuccess: (job) => queryClient.setQueryData(importQueryKey(schoolId, job.id), job),
  });
}
