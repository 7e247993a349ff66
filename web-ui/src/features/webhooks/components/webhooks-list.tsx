import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { receivesEvents, useApiClients } from '@/api/api-clients';
import { ApiError } from '@/api/problem';
import type { DistrictId, WebhookEndpoint } from '@/api/types';
import { useEditWebhook, useRotateWebhookSecret, useWebhooks } from '@/api/webhooks';
import { PreviousSecretNote } from '@/components/previous-secret-note';
import { ProblemAlert } from '@/components/problem-alert';
import { RotateSecretModal } from '@/components/rotate-secret-modal';
import { SecretOnceModal, type ShownSecret } from '@/components/secret-once-modal';
import { describeProblem, useT } from '@/lib/i18n';
import { eventTypeLabel } from '../labels';
import { DeliveriesDrawer } from './deliveries-drawer';
import { WebhookFormModal } from './webhook-form-modal';

/**
 * 事件推送（Webhook）: the district's endpoints with their client, event types and state;
 * register one (its signing secret shown once), edit, disable or enable it (with `If-Match`),
 * rotate its secret, and read its delivery log.
 */
export function WebhooksList({ districtId }: { districtId: DistrictId }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useWebhooks(districtId);
  const clientsQuery = useApiClients(districtId);
  const edit = useEditWebhook(districtId);
  const rotate = useRotateWebhookSecret(districtId);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<WebhookEndpoint>();
  const [rotating, setRotating] = useState<WebhookEndpoint>();
  const [viewing, setViewing] = useState<WebhookEndpoint>();
  const [shown, setShown] = useState<ShownSecret>();
  const clients = clientsQuery.data?.items ?? [];
  const clientOf = (id: number) => clients.find((c) => c.id === id);
  const noClient = clientsQuery.isSuccess && !clients.some(receivesEvents);

  const showSecret = (endpoint: WebhookEndpoint, secret: string) =>
    setShown({
      title: t('webhook.secret_title'),
      label: t('webhook.secret'),
      secret,
      details: [
        {
          label: t('webhook.url'),
          value: <Typography.Text style={{ wordBreak: 'break-all' }}>{endpoint.url}</Typography.Text>,
        },
      ],
      hint: t('webhook.secret_hint'),
      previousUntil: endpoint.previous_secret_expires_at,
    });

  const toggle = (endpoint: WebhookEndpoint) =>
    edit.mutateAsync({ endpoint, body: { disabled: !endpoint.disabled } }).then(
      (saved) => void message.success(t(saved.disabled ? 'webhook.disabled_done' : 'webhook.enabled_done')),
      // A 412 says 已被他人修改，请刷新后重试; the list is read again either way.
      (error: unknown) =>
        void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
    );

  const columns: TableProps<WebhookEndpoint>['columns'] = [
    {
      title: t('webhook.url'),
      dataIndex: 'url',
      render: (url: string, e) => (
        <Flex vertical gap={2} style={{ maxWidth: 260 }}>
          <Typography.Text style={{ wordBreak: 'break-all' }} data-testid="webhook-url">
            {url}
          </Typography.Text>
          {e.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.description}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('webhook.status'),
      key: 'status',
      render: (_, e) => (
        <Flex vertical gap={2} align="start">
          {e.disabled ? (
            <Tag data-testid="webhook-status" data-status="disabled">
              {t('webhook.disabled')}
            </Tag>
          ) : (
            <Tag color="green" data-testid="webhook-status" data-status="enabled">
              {t('webhook.enabled')}
            </Tag>
          )}
          <PreviousSecretNote until={e.previous_secret_expires_at} />
        </Flex>
      ),
    },
    {
      title: t('webhook.client'),
      dataIndex: 'api_client_id',
      render: (id: number) => {
        const owner = clientOf(id);
        return (
          <Flex gap={4} wrap align="center" data-testid="webhook-client-name">
            <span style={{ whiteSpace: 'nowrap' }}>{owner?.name ?? `#${id}`}</span>
            {owner?.revoked ? <Tag color="red">{t('api_client.revoked')}</Tag> : null}
          </Flex>
        );
      },
    },
    {
      title: t('webhook.event_types'),
      dataIndex: 'event_types',
      render: (types: string[]) => (
        <Flex gap={4} wrap style={{ maxWidth: 240 }}>
          {types.length === 0 ? (
            <Tag data-testid="webhook-event-type" data-event-type="all">
              {t('webhook.all_events')}
            </Tag>
          ) : (
            types.map((type) => (
              <Tooltip key={type} title={type}>
                <Tag data-testid="webhook-event-type" data-event-type={type}>
                  {eventTypeLabel(t, type)}
                </Tag>
              </Tooltip>
            ))
          )}
        </Flex>
      ),
    },
    {
      title: t('webhook.version'),
      dataIndex: 'version',
      align: 'right',
      render: (v: number) => <span data-testid="webhook-version">{v}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // Stays in view while a narrow screen scrolls the other columns.
      fixed: 'right',
      render: (_, e) => (
        <Flex wrap style={{ maxWidth: 160 }}>
          <Button size="small" type="link" onClick={() => setViewing(e)} data-testid="webhook-deliveries">
            {t('webhook.deliveries')}
          </Button>
          <Button size="small" type="link" onClick={() => setEditing(e)} data-testid="webhook-edit">
            {t('common.edit')}
          </Button>
          {e.disabled ? (
            <Button size="small" type="link" onClick={() => void toggle(e)} data-testid="webhook-toggle">
              {t('webhook.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('webhook.disable_confirm')}
              description={t('webhook.disable_hint')}
              okText={t('webhook.disable')}
              okButtonProps={{ 'data-testid': 'webhook-disable-confirm' }}
              onConfirm={() => void toggle(e)}
            >
              <Button size="small" type="link" data-testid="webhook-toggle">
                {t('webhook.disable')}
              </Button>
            </Popconfirm>
          )}
          <Button size="small" type="link" onClick={() => setRotating(e)} data-testid="webhook-rotate">
            {t('secret.rotate')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <section data-testid="webhooks" aria-labelledby="webhooks-title">
      <Flex justify="space-between" align="start" wrap gap="small" style={{ marginBottom: 12 }}>
        <div style={{ flex: '1 1 360px' }}>
          <Typography.Title level={2} id="webhooks-title" style={{ fontSize: 16, margin: 0 }}>
            {t('webhook.section')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('webhook.section_hint')}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={noClient}
          onClick={() => setCreating(true)}
          data-testid="webhook-create"
        >
          {t('webhook.create')}
        </Button>
      </Flex>
      {noClient ? (
        <Alert
          type="info"
          showIcon
          message={t('webhook.no_client')}
          style={{ marginBottom: 12 }}
          data-testid="webhook-no-client"
        />
      ) : null}
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="webhooks-error" />
      <Table<WebhookEndpoint>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="webhooks-table"
        onRow={(e) => ({ 'data-testid': 'webhooks-row', 'data-url': e.url }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Typography.Text type="secondary">{t('webhook.empty')}</Typography.Text> }}
      />
      <WebhookFormModal
        districtId={districtId}
        open={creating || editing !== undefined}
        endpoint={editing}
        clients={clients}
        onClose={() => {
          setCreating(false);
          setEditing(undefined);
        }}
        onCreated={(created) => showSecret(created.endpoint, created.secret)}
      />
      <RotateSecretModal
        name={rotating?.url}
        hint={t('webhook.rotate_hint')}
        submitting={rotate.isPending}
        error={rotate.error}
        onCancel={() => {
          rotate.reset();
          setRotating(undefined);
        }}
        onRotate={(overlapSeconds) => {
          if (!rotating) return;
          rotate.mutate(
            { id: rotating.id, overlapSeconds },
            {
              onSuccess: (rotated) => {
                void message.success(t('webhook.rotated'));
                setRotating(undefined);
                rotate.reset();
                showSecret(rotated.endpoint, rotated.secret);
              },
            },
          );
        }}
      />
      <DeliveriesDrawer districtId={districtId} endpoint={viewing} onClose={() => setViewing(undefined)} />
      <SecretOnceModal shown={shown} onClose={() => setShown(undefined)} />
    </section>
  );
}
