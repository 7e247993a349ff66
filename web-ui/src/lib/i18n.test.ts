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

  it('uses the locale text for a known code, without the English detail', () => {
    const shown = describeProblem(t, { ...base, code: 'auth.invalid_credentials', detail: 'bad password' });
    expect(shown).toEqual({ message: '用户名或密码错误' });
  });

  it('falls back to the detail, then the title, for an unknown code', () => {
    expect(describeProblem(t, { ...base, code: 'x.unknown', detail: 'the x broke' })).toEqual({
      message: 'the x broke',
    });
    expect(describeProblem(t, { ...base, code: 'x.unknown', detail: '' })).toEqual({ message: 'Unauthorized' });
  });

  it('knows the codes the server sends for stale and invalid writes', () => {
    const stale = { ...base, status: 412, code: 'precondition_failed', detail: 'changed' };
    expect(describeProblem(t, stale).message).toBe('已被他人修改，请刷新后重试');
    const invalid = { ...base, status: 422, code: 'validation_failed', detail: 'invalid fields: name' };
    expect(describeProblem(t, invalid).message).toBe('提交的内容有误，请检查标红的字段');
  });
});
