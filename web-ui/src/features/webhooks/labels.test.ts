import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { deliveryStatus, EVENT_TYPES, eventTypeLabel } from './labels';

const t = makeTranslate('zh-CN');

describe('eventTypeLabel', () => {
  it('names every event type the API sends', () => {
    expect(EVENT_TYPES).toHaveLength(8);
    for (const type of EVENT_TYPES) expect(eventTypeLabel(t, type)).not.toBe(type);
    expect(eventTypeLabel(t, 'application.approved')).toBe('报名已批准');
  });

  it('keeps a type this build does not know as sent', () => {
    expect(eventTypeLabel(t, 'fee.paid')).toBe('fee.paid');
  });
});

describe('deliveryStatus', () => {
  it('says 待发送, 成功 or 失败', () => {
    expect(['pending', 'succeeded', 'failed'].map((s) => deliveryStatus(t, s as 'pending').label)).toEqual([
      '待发送',
      '成功',
      '失败',
    ]);
  });
});
