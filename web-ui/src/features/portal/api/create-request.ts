import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewServiceRequest, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Asks for a single day's service, or for special late service. */
export function createRequest(schoolId: SchoolId, body: NewServiceRequest) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/service-requests', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useCreateRequest(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewServiceRequest) => createRequest(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['service-requests']),
  });
}
