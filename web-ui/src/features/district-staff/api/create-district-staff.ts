import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { DistrictId, NewDistrictStaff } from '@/api/types';
import { invalidateDistrict } from '@/lib/query-keys';

/** 邀请人员: a district account (username, name, role); the answer carries its invitation, shown once. */
export function createDistrictStaff(districtId: DistrictId, body: NewDistrictStaff) {
  return unwrap(
    client.POST('/api/v1/districts/{district_id}/staff', { params: { path: { district_id: districtId } }, body }),
  );
}

export function useCreateDistrictStaff(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDistrictStaff) => createDistrictStaff(districtId, body),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['staff']),
  });
}
