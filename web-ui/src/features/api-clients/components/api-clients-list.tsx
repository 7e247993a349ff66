import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useApiClients, useRevokeApiClient, useRotateApiClientSecret } from '@/api/api-clients';
import { schoolNamer, useDistrictSchools } from '@/api/district-schools';
import { ApiError } from '@/api/problem';
import type { ApiClient, DistrictId } from '@/api/types';
import { PreviousSecretNote } from '@/components/previous-secret-note';
import { ProblemAlert } from '@/components/problem-alert';
import { RotateSecretModal } from '@/components/rotate-secret-modal';
import { SecretOnceModal, type ShownSecret } from '@/components/secret-once-modal';
import { describeProblem, useT } from '@/lib/i18n';
import { describeScope, sortScopes } from '../scopes';
import { CreateApiClientModal } from './create-api-client-modal';
import { OriginsModal } from './origins-modal';

/**
 * 第三方应用: the district's API clients with their scopes, schools and CORS origins; create one
 * (its secret shown once), rotate its secret, set its origins, revoke it.
 */
export function ApiClientsList({ districtId }: { districtId: DistrictId }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useApiClients(districtId);
  const schools = useDistrictSchools(districtId);
  const revoke = useRevokeApiClient(districtId);
  const rotate = useRotateApiClientSecret(districtId);
  const [creating, setCreating] = useState(false);
  const [editingOrigins, setEditingOrigins] = useState<ApiClient>();
  const [rotating, setRotating] = useState<ApiClient>();
  const [shown, setShown] = useState<ShownSecret>();
  const schoolName = schoolNamer(schools.data?.items, (id) => `#${id}`);

  const showSecret = (apiClient: ApiClient, secret: string) =>
    setShown({
      title: t('api_client.secret_title', { name: apiClient.name }),
      label: t('api_client.secret'),
      secret,
      details: [
        {
          label: t('api_client.client_id'),
          value: (
            <Typography.Text code copyable data-testid="secret-client-id">
              {apiClient.client_id}
            </Typography.Text>
          ),
        },
      ],
      previousUntil: apiClient.previous_secret_expires_at,
    });

  const doRevoke = (apiClient: ApiClient) =>
    revoke.mutateAsync(apiClient.id).then(
      () => void message.success(t('api_client.revoked_done', { name: apiClient.name })),
      (error: unknown) =>
        void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
    );

  const columns: TableProps<ApiClient>['columns'] = [
    {
      title: t('api_client.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('api_client.status'),
      key: 'status',
      render: (_, c) => (
        <Flex vertical gap={2} align="start">
          {c.revoked ? (
            <Tag color="red" data-testid="api-client-status" data-status="revoked">
              {t('api_client.revoked')}
            </Tag>
          ) : (
            <Tag color="green" data-testid="api-client-status" data-status="active">
              {t('api_client.active')}
            </Tag>
          )}
          {!c.revoked ? <PreviousSecretNote until={c.previous_secret_expires_at} testId="api-client-overlap" /> : null}
        </Flex>
      ),
    },
    {
      title: t('api_client.client_id'),
      dataIndex: 'client_id',
      render: (id: string) => (
        <Typography.Text code copyable style={{ whiteSpace: 'nowrap' }} data-testid="api-client-id">
          {id}
        </Typography.Text>
      ),
    },
    {
      title: t('api_client.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <Flex gap={4} wrap style={{ maxWidth: 280 }}>
          {sortScopes(scopes).map((scope) => {
            const { label, hint } = describeScope(t, scope);
            return (
              <Tooltip key={scope} title={`${scope}：${hint}`}>
                <Tag color={scope === 'events:read' ? 'geekblue' : 'blue'} data-testid="scope-tag" data-scope={scope}>
                  {label}
                </Tag>
              </Tooltip>
            );
          })}
        </Flex>
      ),
    },
    {
      title: t('api_client.schools'),
      dataIndex: 'school_ids',
      render: (ids: number[]) =>
        ids.length === 0 ? (
          <Tag data-testid="api-client-school">{t('api_client.all_schools')}</Tag>
        ) : (
          <Flex gap={4} wrap style={{ maxWidth: 240 }}>
            {ids.map((id) => (
              <Tag key={id} data-testid="api-client-school">
                {schoolName(id)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t('api_client.origins'),
      dataIndex: 'allowed_origins',
      render: (origins: string[]) =>
        origins.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={2} data-testid="api-client-origins">
            {origins.map((o) => (
              <Typography.Text key={o} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {o}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // Stays in view while a narrow screen scrolls the other columns.
      fixed: 'right',
      render: (_, c) =>
        c.revoked ? null : (
          <Flex wrap style={{ maxWidth: 160 }}>
            <Button size="small" type="link" onClick={() => setRotating(c)} data-testid="api-client-rotate">
              {t('secret.rotate')}
            </Button>
            <Button size="small" type="link" onClick={() => setEditingOrigins(c)} data-testid="api-client-edit-origins">
              {t('api_client.edit_origins')}
            </Button>
            <Popconfirm
              title={t('api_client.revoke_confirm', { name: c.name })}
              description={<div style={{ maxWidth: 320 }}>{t('api_client.revoke_hint')}</div>}
              okText={t('api_client.revoke')}
              okButtonProps={{ danger: true, 'data-testid': 'api-client-revoke-confirm' }}
              onConfirm={() => void doRevoke(c)}
            >
              <Button size="small" type="link" danger data-testid="api-client-revoke">
                {t('api_client.revoke')}
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <section data-testid="api-clients" aria-labelledby="api-clients-title">
      <Flex justify="space-between" align="start" wrap gap="small" style={{ marginBottom: 12 }}>
        <div style={{ flex: '1 1 360px' }}>
          <Typography.Title level={2} id="api-clients-title" style={{ fontSize: 16, margin: 0 }}>
            {t('api_client.section')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('api_client.section_hint')}</Typography.Text>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="api-client-create"
        >
          {t('api_client.create')}
        </Button>
      </Flex>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="api-clients-error" />
      <Table<ApiClient>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="api-clients-table"
        onRow={(c) =>
          ({ 'data-testid': 'api-clients-row', 'data-client-id': c.client_id }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Typography.Text type="secondary">{t('api_client.empty')}</Typography.Text> }}
      />
      <CreateApiClientModal
        districtId={districtId}
        open={creating}
        schools={schools.data?.items ?? []}
        onClose={() => setCreating(false)}
        onCreated={(created) => showSecret(created.client, created.client_secret)}
      />
      <OriginsModal districtId={districtId} apiClient={editingOrigins} onClose={() => setEditingOrigins(undefined)} />
      <RotateSecretModal
        name={rotating?.name}
        hint={t('api_client.rotate_hint')}
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
                void message.success(t('api_client.rotated', { name: rotated.client.name }));
                setRotating(undefined);
                rotate.reset();
                showSecret(rotated.client, rotated.client_secret);
              },
            },
          );
        }}
      />
      <SecretOnceModal shown={shown} onClose={() => setShown(undefined)} />
    </section>
  );
}
