import { describe, expect, it } from 'vitest';
import type { Application } from '@/api/types';
import { latestComment } from './review-comment';

type Event = Application['history'][number];

function event(
  action: Event['action'],
  comment: string | null = null,
  actor_role: Event['actor_role'] = 'staff',
): Event {
  return {
    action,
    comment,
    actor_role,
    actor_kind: 'user',
    actor_staff_roles: [],
    to_status: 'submitted',
    at: '2026-09-01T08:00:00Z',
  };
}

function app(...history: Event[]): Application {
  return { history } as unknown as Application;
}

describe('latestComment', () => {
  it('shows the newest reviewer comment', () => {
    const a = app(event('create'), event('class_approve', '同意'), event('school_return', '请补充接送人'));
    expect(latestComment(a)).toBe('请补充接送人');
  });

  it('keeps the comment through an edit and hides it once the family resubmits', () => {
    const returned = [event('create'), event('class_return', '请改为周一至周四')];
    expect(latestComment(app(...returned, event('edit', null, 'guardian')))).toBe('请改为周一至周四');
    expect(latestComment(app(...returned, event('edit', null, 'guardian'), event('submit', null, 'guardian')))).toBe(
      undefined,
    );
  });

  it('shows the next review after a resubmission again', () => {
    const a = app(event('class_return', '旧意见'), event('submit', null, 'guardian'), event('class_approve', '已核对'));
    expect(latestComment(a)).toBe('已核对');
  });

  it('ignores the family’s own comments', () => {
    expect(latestComment(app(event('withdraw', '转学', 'guardian')))).toBe(undefined);
  });
});
