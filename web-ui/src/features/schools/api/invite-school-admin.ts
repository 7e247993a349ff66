import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createStaff } from '@/api/staff';
import type { DistrictId, SchoolId } from '@/api/types';
import { invalidateAfterWrite, invalidateDistrict } from '@/lib/query-keys';

export type AdminInvite = { name: string; phone: string; username: string };

/**
 * 邀请管理员: the district adds a school admin to one of its schools with a username; the answer
 * carries the login's invitation (shown once). The school's admin count changes.
 */
export function useInviteSchoolAdmin(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ schoolId, invite }: { schoolId: SchoolId; invite: AdminInvite }) =>
      createStaff(schoolId, { ...invite, roles: ['school_admin'] }),
    onSuccess: (_, { schoolId }) =>
      Promise.all([
        invalidateDistrict(queryClient, districtId, ['schools']),
        invalidateAfterWrite(queryClient, schoolId, ['staff']),
      ]),
  });
}
