import { describe, expect, it } from 'vitest';
import type { ApplicationEvent } from '@/api/types';
import { makeTranslate } from './i18n';
import { channelLabel, historyActorLabel, percent, placementLabel, weekdaysText } from './service-labels';

const t = makeTranslate('zh-CN');

describe('weekdaysText', () => {
  it('names a run of days by its ends and lists the others', () => {
    expect(weekdaysText(t, [5, 4, 3, 2, 1])).toBe('周一至周五');
    expect(weekdaysText(t, [1, 3])).toBe('周一、周三');
  });
});

describe('placementLabel', () => {
  it('shows the place in the queue of a waiting child', () => {
    expect(placementLabel(t, 'waiting', 3)).toBe('候补第 3 位');
    expect(placementLabel(t, 'enrolled')).toBe('已录取');
    expect(placementLabel(t, 'held')).toBe('名额保留中（待审核）');
    expect(placementLabel(t, 'not_needed')).toBe('无需此志愿');
  });
});

describe('channelLabel', () => {
  it('names the parent app a receipt came from', () => {
    expect(channelLabel(t, 'portal')).toBe('家长端');
    expect(channelLabel(t, 'api_client:7')).toBe('第三方应用 #7');
  });
});

describe('percent', () => {
  it('keeps one decimal', () => {
    expect(percent(0.8313)).toBe('83.1%');
    expect(percent(1)).toBe('100.0%');
  });
});

describe('historyActorLabel', () => {
  const event = (
    actor_role: ApplicationEvent['actor_role'],
    actor_name: string | null = null,
    actor_id: number | null = 7,
  ) => ({
    actor_role,
    actor_name,
    actor_id,
  });

  it('names staff by the name the server sends, else by the page’s lookup, else 学校', () => {
    expect(historyActorLabel(t, event('staff', '王老师'))).toBe('王老师');
    expect(historyActorLabel(t, event('staff'), (id) => (id === 7 ? '李老师' : undefined))).toBe('李老师');
    expect(historyActorLabel(t, event('staff'))).toBe('学校');
    expect(historyActorLabel(t, event('staff', null, null), () => '李老师')).toBe('学校');
  });

  it('adds the staff roles, or the guardian relation, the server sends', () => {
    expect(historyActorLabel(t, { ...event('staff', '王老师'), actor_staff_roles: ['homeroom_teacher'] })).toBe(
      '王老师（班主任）',
    );
    expect(historyActorLabel(t, { ...event('guardian', '张丽'), actor_relation: '母亲' })).toBe('张丽（母亲）');
  });

  it('names the others by role, in either language', () => {
    expect(historyActorLabel(t, event('guardian'))).toBe('家长');
    expect(historyActorLabel(t, event('client', null, null))).toBe('第三方应用');
    expect(historyActorLabel(t, event('system', null, null))).toBe('系统');
    expect(historyActorLabel(makeTranslate('en-US'), event('guardian'))).toBe('Parent');
    expect(historyActorLabel(t, event('robot' as ApplicationEvent['actor_role'], null, null))).toBe('robot');
  });
});
