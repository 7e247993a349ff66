import { describe, expect, it } from 'vitest';
import { messages } from '@/locales';
import { describeProblem, format, makeTranslate } from './i18n';

describe('messages', () => {
  it('has the same keys in every locale', () => {
    expect(Object.keys(messages['en-US']).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
  });
});

describe('format', () => {
  it('fills placeholders and keeps unknown ones', () => {
    expect(format('{done} / {total} 行', { done: 3, total: 10 })).toBe('3 / 10 行');
    expect(format('{x} y', {})).toBe('{x} y');
  });
});

describe('describeProblem', () => {
  const t = makeTranslate('zh-CN');
  const base = { type: 'about:blank', status: 401, title: 'Unauthorized' };

  it('uses the locale text for a known code and keeps the detail', () => {
    const shown = describeProblem(t, { ...base, code: 'auth.invalid_credentials', detail: 'bad password' });
    expect(shown).toEqual({ message: '用户名或密码错误', detail: 'bad password' });
  });

  it('falls back to the server title for an unknown code', () => {
    const shown = describeProblem(t, { ...base, code: 'x.unknown', detail: '' });
    expect(shown).toEqual({ message: 'Unauthorized', detail: undefined });
  });
});
