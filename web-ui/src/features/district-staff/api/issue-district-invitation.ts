import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { DistrictId, DistrictStaffId } from '@/api/types';
import { invalidateDistrict } from '@/lib/query-keys';

/** 重新邀请: a new invitation code for a district account; the earlier code stops working. */
export function issueDistrictInvitation(districtId: DistrictId, id: DistrictStaffId) {
  return unwrap(
    client.POST('/api/v1/districts/{district_id}/staff/{id}/invitation', {
      params: { path: { district_id: districtId, id } },
    }),
  );
}

export function useIssueDistrictInvitation(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: DistrictStaffId) => issueDistrictInvitation(districtId, id),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['staff']),
  });
}
