import type { DistrictRole } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

/** 区管理员 manages the district's schools and staff; 区督导（只读） reads them. */
export const DISTRICT_ROLES: readonly DistrictRole[] = ['district_admin', 'district_viewer'];

export function districtRoleLabel(t: Translate, role: string): string {
  const key = `district_staff.role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
