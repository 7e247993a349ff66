import type { NormalisationKind } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

/**
 * What the dry run tidied, in words for the office: 全角转半角, 手机号格式, 班级写法, 年级写法,
 * 多余空格. A kind this build does not know is shown as sent.
 */
export function normalisationKindLabel(t: Translate, kind: NormalisationKind | (string & {})): string {
  const key = `import.normalised.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
