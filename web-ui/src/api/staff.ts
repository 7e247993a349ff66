import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NewStaff, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/**
 * The one owner of POST /schools/{school_id}/staff: the staff page adds a member (with a
 * username, the answer carries the login's invitation, shown once), and the district's schools
 * page invites a school's first admin (`roles: ["school_admin"]`).
 */
export function createStaff(schoolId: SchoolId, body: NewStaff) {
  return unwrap(client.POST('/api/v1/schools/{school_id}/staff', { params: { path: { school_id: schoolId } }, body }));
}

export function useCreateStaff(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewStaff) => createStaff(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['staff']),
  });
}
