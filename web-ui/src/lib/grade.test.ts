import { describe, expect, it } from 'vitest';
import { compareHomeroomNames, gradesText } from './grade';
import { makeTranslate } from './i18n';

const t = makeTranslate('zh-CN');

describe('gradesText', () => {
  it('names a run of grades by its ends and lists the others', () => {
    expect(gradesText(t, [3, 1, 2, 4, 5, 6])).toBe('一年级至六年级');
    expect(gradesText(t, [1, 3])).toBe('一年级、三年级');
    expect(gradesText(t, [])).toBe('—');
  });
});

describe('compareHomeroomNames', () => {
  it('orders by grade, then class number', () => {
    const names = ['三年级1班', '一年级10班', '二年级2班', '一年级2班', '一年级1班'];
    expect([...names].sort(compareHomeroomNames)).toEqual([
      '一年级1班',
      '一年级2班',
      '一年级10班',
      '二年级2班',
      '三年级1班',
    ]);
  });
});
