import type { Student } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

export function genderLabel(t: Translate, gender: Student['gender']): string {
  return t(gender === 'male' ? 'student.gender.male' : 'student.gender.female');
}

/** Known flags (migrant, left_behind, hardship, boarder) by name; unknown ones as sent. */
export function flagLabel(t: Translate, flag: string): string {
  const key = `student.flag.${flag}`;
  return isMessageKey(key) ? t(key) : flag;
}
