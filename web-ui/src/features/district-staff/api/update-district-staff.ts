import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type { DistrictId, DistrictStaff, DistrictStaffPatch } from '@/api/types';
import { invalidateDistrict } from '@/lib/query-keys';

/** Changes a district account's name, role or whether it is disabled; `version` as read (412 if stale). */
export function updateDistrictStaff(
  districtId: DistrictId,
  staff: Pick<DistrictStaff, 'id' | 'version'>,
  body: DistrictStaffPatch,
) {
  return unwrap(
    client.PATCH('/api/v1/districts/{district_id}/staff/{id}', {
      params: { path: { district_id: districtId, id: staff.id }, header: ifMatch(staff.version) },
      body,
    }),
  );
}

export function useUpdateDistrictStaff(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ staff, body }: { staff: Pick<DistrictStaff, 'id' | 'version'>; body: DistrictStaffPatch }) =>
      updateDistrictStaff(districtId, staff, body),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['staff']),
  });
}
