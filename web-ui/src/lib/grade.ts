import { isMessageKey, type Translate } from './i18n';

/** 1–9: primary 1–6, middle 7–9 (GLOSSARY: grade). */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function gradeLabel(t: Translate, grade: number): string {
  const key = `grade.${grade}`;
  return isMessageKey(key) ? t(key) : t('grade.label', { grade });
}

/** `一年级至六年级` for a run of grades, else `一年级、三年级`. */
export function gradesText(t: Translate, grades: readonly number[]): string {
  const sorted = [...new Set(grades)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return t('common.none');
  if (sorted.length >= 3 && last - first === sorted.length - 1) {
    return t('grade.range', { from: gradeLabel(t, first), to: gradeLabel(t, last) });
  }
  return sorted.map((g) => gradeLabel(t, g)).join('、');
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** The numbers in a homeroom name (`三年级4班` → [3, 4]); Chinese grade digits count too. */
function nameNumbers(name: string): number[] {
  const digits = name.replace(/[一二三四五六七八九]/g, (d) => String(CHINESE_DIGITS.indexOf(d) + 1));
  return (digits.match(/\d+/g) ?? []).map(Number);
}

/** Orders homeroom names as a school lists them: 一年级1班 … 一年级4班, 二年级1班 … (not by code point). */
export function compareHomeroomNames(a: string, b: string): number {
  const [x, y] = [nameNumbers(a), nameNumbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? -1) - (y[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return a.localeCompare(b, 'zh-CN');
}
