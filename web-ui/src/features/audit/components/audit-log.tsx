import { Flex, Select, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { AuditEvent, SchoolId } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { useT } from '@/lib/i18n';
import { useAuditEvents, type AuditSearch } from '../api/get-audit-events';
import { actionLabel, AUDIT_ACTIONS, AUDIT_ENTITIES, entityLabel } from '../labels';
import { AuditChange } from './audit-change';

type AuditLogProps = {
  schoolId: SchoolId;
  /** A user's name, when the route can look staff up by login; otherwise `#id`. */
  userName?: (userId: number) => string | undefined;
};

const ACTION_COLORS: Readonly<Record<string, string>> = { create: 'green', update: 'blue', delete: 'red' };

/** 审计日志: who changed what, when; filter by entity and action, open a row for before/after. */
export function AuditLog({ schoolId, userName }: AuditLogProps) {
  const t = useT();
  const [search, setSearch] = useState<AuditSearch>({});
  const query = useAuditEvents(schoolId, search);

  const actor = (event: AuditEvent) => {
    if (event.actor_kind === 'system') return t('audit.actor.system');
    const id = event.actor_id ?? 0;
    if (event.actor_kind === 'client') return t('audit.actor.client', { id });
    return userName?.(id) ?? t('audit.actor.user', { id });
  };

  const columns: TableProps<AuditEvent>['columns'] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.actor'), key: 'actor', render: (_, event) => actor(event) },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action.split('.').pop() ?? '']} data-testid="audit-action" data-action={action}>
          {actionLabel(t, action)}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, event) => (
        <span data-testid="audit-entity">
          {entityLabel(t, event.entity)}
          {event.entity_id !== null && event.entity_id !== undefined && (
            <Typography.Text type="secondary"> #{event.entity_id}</Typography.Text>
          )}
        </span>
      ),
    },
  ];

  const actions = AUDIT_ACTIONS.filter((a) => !search.entity || a.entity === search.entity);

  return (
    <>
      <Flex wrap gap="small" style={{ marginBottom: 16 }} role="search">
        <Select<string>
          aria-label={t('audit.entity')}
          placeholder={t('audit.filter_entity')}
          allowClear
          style={{ width: 180 }}
          data-testid="audit-filter-entity"
          value={search.entity}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
          onChange={(entity) =>
            setSearch((s) => ({
              entity,
              // Keep the action only if it is recorded on the new entity.
              action: AUDIT_ACTIONS.some((a) => a.action === s.action && (!entity || a.entity === entity))
                ? s.action
                : undefined,
            }))
          }
        />
        <Select<string>
          aria-label={t('audit.action')}
          placeholder={t('audit.filter_action')}
          allowClear
          style={{ width: 200 }}
          data-testid="audit-filter-action"
          value={search.action}
          options={actions.map((a) => ({ value: a.action, label: actionLabel(t, a.action) }))}
          onChange={(action) => setSearch((s) => ({ ...s, action }))}
        />
      </Flex>
      <CursorTable<AuditEvent>
        testId="audit-table"
        query={query}
        columns={columns}
        rowKey="id"
        expandable={{
          expandedRowRender: (event) => <AuditChange event={event} />,
          rowExpandable: (event) => event.before != null || event.after != null,
          expandRowByClick: true,
        }}
      />
    </>
  );
}
