import { useMemo } from 'react';
import type { HomeroomId, SchoolId } from '@/api/types';
import { useHomeroomPicker } from '@/features/homerooms/api/get-homerooms';
import { useStaffPicker } from '@/features/staff/api/get-staff';
import { useMe } from '@/lib/auth';

/**
 * The homerooms the signed-in homeroom teacher leads: their staff record (by login) is the
 * homeroom's teacher. /me does not say it, so it is read from the staff and homeroom lists;
 * undefined until known or when not wanted.
 */
export function useLedHomeroomIds(schoolId: SchoolId, wanted: boolean): readonly HomeroomId[] | undefined {
  const { data: me } = useMe();
  const staff = useStaffPicker(schoolId);
  const homerooms = useHomeroomPicker(schoolId, undefined);
  return useMemo(() => {
    if (!wanted || !me || !staff.data || !homerooms.data) return undefined;
    const own = staff.data.items.find((s) => s.user_id === me.user_id);
    if (!own) return [];
    return homerooms.data.items.filter((h) => h.homeroom_teacher_id === own.id).map((h) => h.id);
  }, [wanted, me, staff.data, homerooms.data]);
}
