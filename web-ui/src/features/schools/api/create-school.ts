import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { DistrictId, NewSchool } from '@/api/types';
import { meQueryKey } from '@/lib/auth';
import { invalidateDistrict } from '@/lib/query-keys';

/** 新增学校: a school of the district (name, code, 学段, time zone). */
export function createSchool(districtId: DistrictId, body: NewSchool) {
  return unwrap(
    client.POST('/api/v1/districts/{district_id}/schools', { params: { path: { district_id: districtId } }, body }),
  );
}

export function useCreateSchool(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSchool) => createSchool(districtId, body),
    // The district admin's /me lists every school of the district as a grant: the new one too.
    onSuccess: () =>
      Promise.all([
        invalidateDistrict(queryClient, districtId, ['schools']),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}
