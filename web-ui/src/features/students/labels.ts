import type { Gender, Student, StudentFlag } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

export const GENDERS: readonly Gender[] = ['male', 'female'];

/** Every flag the API knows (StudentFlag), in the order the school's forms list them. */
export const STUDENT_FLAGS: readonly StudentFlag[] = [
  'migrant',
  'left_behind',
  'hardship',
  'boarder',
  'teacher_child',
  'poverty_household',
];

export function genderLabel(t: Translate, gender: Student['gender']): string {
  return t(gender === 'male' ? 'student.gender.male' : 'student.gender.female');
}

/** Known flags (随迁子女, 留守儿童, 困难家庭, 住校生, 教师子女, 建档立卡) by name; unknown ones as sent. */
export function flagLabel(t: Translate, flag: string): string {
  const key = `student.flag.${flag}`;
  return isMessageKey(key) ? t(key) : flag;
}
