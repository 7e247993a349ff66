import { Timeline, Typography } from 'antd';
import type { ApplicationEvent } from '@/api/types';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { applicationStatusColor, historyActionLabel, historyActorLabel } from '@/lib/service-labels';

const COLORS: Record<string, string> = { green: 'green', red: 'red', orange: 'orange', blue: 'blue', cyan: 'blue' };

/** Names staff by user id, for a server that sends no `actor_name` (staff pages can list staff). */
export type ActorName = (userId: number) => string | undefined;

/** 办理记录: each step with its time, who took it (王老师, 学校, 家长, 系统…) and the comment, oldest first. */
export function ApplicationHistory({ history, actorName }: { history: ApplicationEvent[]; actorName?: ActorName }) {
  const t = useT();
  return (
    <Timeline
      className="kehou-history"
      data-testid="application-history"
      items={history.map((event, i) => ({
        key: i,
        color: COLORS[applicationStatusColor(event.to_status)] ?? 'gray',
        children: (
          <div data-testid="history-event">
            <Typography.Text strong>{historyActionLabel(t, event.action, event.to_status)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {dateTime(event.at)}
              {' · '}
              <span data-testid="history-actor">{historyActorLabel(t, event, actorName)}</span>
            </Typography.Text>
            {event.comment ? (
              <Typography.Paragraph style={{ margin: '4px 0 0' }} data-testid="history-comment">
                {t('history.comment', { comment: event.comment })}
              </Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
