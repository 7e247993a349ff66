import { Col, Flex, Row, Table, Typography } from 'antd';
import type { AuditEvent } from '@/api/types';
import { useT } from '@/lib/i18n';
import { changedFields, prettySnapshot, type FieldChange } from '../change-diff';

const PRE_STYLE = {
  margin: 0,
  padding: 12,
  maxHeight: 320,
  overflow: 'auto',
  fontSize: 12,
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
} as const;

function short(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

function Snapshot({ label, value, testId }: { label: string; value: unknown; testId: string }) {
  const t = useT();
  const text = prettySnapshot(value);
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre style={PRE_STYLE} data-testid={testId}>
        {text ?? t('common.none')}
      </pre>
    </Flex>
  );
}

/** An audit event opened: which fields changed (from → to), then both snapshots in full. */
export function AuditChange({ event }: { event: AuditEvent }) {
  const t = useT();
  const changes = changedFields(event.before, event.after);
  return (
    <Flex vertical gap="middle" data-testid="audit-change" style={{ padding: '4px 0' }}>
      {changes.length > 0 && (
        <Table<FieldChange>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={changes}
          data-testid="audit-changed-fields"
          columns={[
            { title: t('audit.field'), dataIndex: 'field', width: 160, render: (f: string) => <code>{f}</code> },
            {
              title: t('audit.before'),
              dataIndex: 'before',
              render: (v: unknown) => <Typography.Text delete>{short(v)}</Typography.Text>,
            },
            {
              title: t('audit.after'),
              dataIndex: 'after',
              render: (v: unknown) => <Typography.Text strong>{short(v)}</Typography.Text>,
            },
          ]}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Snapshot label={t('audit.before')} value={event.before} testId="audit-before" />
        </Col>
        <Col xs={24} md={12}>
          <Snapshot label={t('audit.after')} value={event.after} testId="audit-after" />
        </Col>
      </Row>
      {event.request_id && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.request_id')}:{' '}
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {event.request_id}
          </Typography.Text>
        </Typography.Text>
      )}
    </Flex>
  );
}
