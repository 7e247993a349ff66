import type { SchoolKind } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

/** 小学 / 初中 / 九年一贯制, in the order the form offers them. */
export const SCHOOL_KINDS: readonly SchoolKind[] = ['primary', 'middle', 'nine_year'];

/** The default for a new school: the service is national policy for the time zone of Beijing. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function schoolKindLabel(t: Translate, kind: string): string {
  const key = `school.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
