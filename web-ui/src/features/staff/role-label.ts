import type { Role } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

/** The roles a school grants (district_admin comes from the district, never from a school form). */
export const SCHOOL_ROLES: readonly Role[] = ['school_admin', 'homeroom_teacher', 'tutor', 'finance', 'gate'];

export function roleLabel(t: Translate, role: Role): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}
