import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StaffId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** 停用: the login cannot sign in and its sessions end. */
export function disableStaff(schoolId: SchoolId, id: StaffId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/staff/{id}/disable', { params: { path: { school_id: schoolId, id } } }),
  );
}

/** 启用: the login signs in again with its password. */
export function enableStaff(schoolId: SchoolId, id: StaffId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/staff/{id}/enable', { params: { path: { school_id: schoolId, id } } }),
  );
}

/** Disables (`enabled: false`) or enables a staff member's login. */
export function useSetStaffLogin(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: StaffId; enabled: boolean }) =>
      enabled ? enableStaff(schoolId, id) : disableStaff(schoolId, id),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['staff']),
  });
}
