import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { normalisationKindLabel } from './normalisation-kind';

describe('normalisationKindLabel', () => {
  const zh = makeTranslate('zh-CN');
  it('words every kind the API sends', () => {
    expect(normalisationKindLabel(zh, 'full_width')).toBe('全角转半角');
    expect(normalisationKindLabel(zh, 'phone')).toBe('手机号格式');
    expect(normalisationKindLabel(zh, 'homeroom')).toBe('班级写法');
    expect(normalisationKindLabel(zh, 'grade')).toBe('年级写法');
    expect(normalisationKindLabel(zh, 'whitespace')).toBe('去除多余空格');
  });
  it('shows an unknown kind as sent, and has English words', () => {
    expect(normalisationKindLabel(zh, 'emoji')).toBe('emoji');
    expect(normalisationKindLabel(makeTranslate('en-US'), 'phone')).toBe('Phone number format');
  });
});
