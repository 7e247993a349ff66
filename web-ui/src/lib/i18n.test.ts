import { describe, expect, it } from 'vitest';
import { messages } from '@/locales';
import { describeProblem, format, formatWait, makeTranslate } from './i18n';

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

describe('sign-in problems', () => {
  const zh = makeTranslate('zh-CN');
  const en = makeTranslate('en-US');
  const problem = (status: number, code: string) => ({ type: 'about:blank', status, title: 'x', detail: 'x', code });

  it('says how long to wait when the answer has Retry-After', () => {
    const limited = problem(429, 'auth.rate_limited');
    expect(describeProblem(zh, limited, 45).message).toBe('登录尝试过于频繁，请 45 秒后再试');
    expect(describeProblem(zh, limited, 120).message).toBe('登录尝试过于频繁，请 2 分钟后再试');
    expect(describeProblem(en, limited, 61).message).toBe('Too many sign-in attempts; please try again in 2 min');
    expect(describeProblem(zh, limited).message).toBe('登录尝试过于频繁，请稍后再试');
    expect(describeProblem(zh, limited, 0).message).toBe('登录尝试过于频繁，请稍后再试');
  });

  it('keeps the plain message for codes without a waiting text', () => {
    expect(describeProblem(zh, problem(401, 'auth.invalid_credentials'), 30).message).toBe('用户名或密码错误');
  });

  it('rounds waits up', () => {
    expect(formatWait(zh, 0.2)).toBe('1 秒');
    expect(formatWait(zh, 59)).toBe('59 秒');
    expect(formatWait(zh, 60)).toBe('1 分钟');
    expect(formatWait(en, 900)).toBe('15 min');
  });
});
