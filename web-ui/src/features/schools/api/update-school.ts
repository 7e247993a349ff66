import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type { DistrictId, DistrictSchool, SchoolPatch } from '@/api/types';
import { meQueryKey } from '@/lib/auth';
import { invalidateDistrict } from '@/lib/query-keys';

/** 编辑学校: the changed fields; `version` is the one the user read (412 if stale). */
export function updateSchool(
  districtId: DistrictId,
  school: Pick<DistrictSchool, 'id' | 'version'>,
  body: SchoolPatch,
) {
  return unwrap(
    client.PATCH('/api/v1/districts/{district_id}/schools/{id}', {
      params: { path: { district_id: districtId, id: school.id }, header: ifMatch(school.version) },
      body,
    }),
  );
}

export function useUpdateSchool(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ school, body }: { school: Pick<DistrictSchool, 'id' | 'version'>; body: SchoolPatch }) =>
      updateSchool(districtId, school, body),
    // A new name shows in the header's school switcher, which reads /me.
    onSuccess: () =>
      Promise.all([
        invalidateDistrict(queryClient, districtId, ['schools']),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
