import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type { Application, ApplicationEdit, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';
import { resubmit } from './resubmit';

/**
 * Replaces the family's choices on a draft or returned application (If-Match: the version read;
 * 412 if someone changed it since).
 */
export function editApplication(
  schoolId: SchoolId,
  application: Pick<Application, 'id' | 'version'>,
  body: ApplicationEdit,
) {
  return unwrap(
    client.PATCH('/api/v1/schools/{school_id}/applications/{id}', {
      params: { path: { school_id: schoolId, id: application.id }, header: ifMatch(application.version) },
      body,
    }),
  );
}

/**
 * 保存并重新提交: the edit, then the submission. Should the submission fail after the edit was
 * saved, the refetched application carries the new version, so trying again is safe.
 */
export function useEditAndResubmit(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      application,
      body,
    }: {
      application: Pick<Application, 'id' | 'version'>;
      body: ApplicationEdit;
    }) => {
      const edited = await editApplication(schoolId, application, body);
      return resubmit(schoolId, edited.id);
    },
    onSettled: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans', 'clubs']),
  });
}
