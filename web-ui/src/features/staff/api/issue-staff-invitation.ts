import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StaffId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** 重新邀请: a new invitation code for a staff member's login; the earlier code stops working. */
export function issueStaffInvitation(schoolId: SchoolId, id: StaffId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/staff/{id}/invitation', {
      params: { path: { school_id: schoolId, id } },
    }),
  );
}

export function useIssueStaffInvitation(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: StaffId) => issueStaffInvitation(schoolId, id),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['staff']),
  });
}
