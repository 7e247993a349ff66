import { describe, expect, it } from 'vitest';
import { categorySuggestions } from './labels';

describe('categorySuggestions', () => {
  it('suggests 德智体美劳 first, then the categories the school already uses, once each', () => {
    expect(categorySuggestions(['体', '科技', '科技', ' 非遗 ', ''])).toEqual([
      '德',
      '智',
      '体',
      '美',
      '劳',
      '科技',
      '非遗',
    ]);
  });
});
