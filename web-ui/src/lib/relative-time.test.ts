import { describe, expect, it } from 'vitest';
import { makeTranslate } from './i18n';
import { relativeTime } from './relative-time';

const t = makeTranslate('zh-CN');
const now = Date.parse('2026-09-10T08:00:00Z');

describe('relativeTime', () => {
  it('says 刚刚 under a minute and for a clock ahead of ours', () => {
    expect(relativeTime(t, '2026-09-10T07:59:30Z', now)).toBe('刚刚');
    expect(relativeTime(t, '2026-09-10T08:05:00Z', now)).toBe('刚刚');
  });

  it('counts minutes, hours and days', () => {
    expect(relativeTime(t, '2026-09-10T07:55:00Z', now)).toBe('5 分钟前');
    expect(relativeTime(t, '2026-09-10T05:00:00Z', now)).toBe('3 小时前');
    expect(relativeTime(t, '2026-09-07T08:00:00Z', now)).toBe('3 天前');
  });

  it('gives the date of anything older than 30 days', () => {
    expect(relativeTime(t, '2026-03-01T04:00:00Z', now)).toMatch(/^2026-03-01$/);
  });

  it('shows an unreadable value as sent', () => {
    expect(relativeTime(t, 'yesterday', now)).toBe('yesterday');
  });
});
