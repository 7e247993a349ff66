import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { SCHOOL_KINDS, schoolKindLabel } from './school-kind';

describe('schoolKindLabel', () => {
  const t = makeTranslate('zh-CN');
  it('names each 学段', () => {
    expect(SCHOOL_KINDS.map((k) => schoolKindLabel(t, k))).toEqual(['小学', '初中', '九年一贯制']);
  });
  it('shows an unknown kind as sent', () => {
    expect(schoolKindLabel(t, 'high')).toBe('high');
  });
});
