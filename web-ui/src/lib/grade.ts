import { isMessageKey, type Translate } from './i18n';

/** 1–9: primary 1–6, middle 7–9 (GLOSSARY: grade). */
export const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function gradeLabel(t: Translate, grade: number): string {
  const key = `grade.${grade}`;
  return isMessageKey(key) ? t(key) : t('grade.label', { grade });
}
