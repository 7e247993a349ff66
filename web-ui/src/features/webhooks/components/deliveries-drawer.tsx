import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { ApiError } from '@/api/problem';
import type { DistrictId, WebhookDelivery, WebhookEndpoint } from '@/api/types';
import { useDeliveries, useReplayDelivery } from '@/api/webhooks';
import { CursorTable } from '@/components/cursor-table';
import { dateTime } from '@/lib/date-time';
import { describeProblem, useT } from '@/lib/i18n';
import { deliveryStatus, eventTypeLabel } from '../labels';

type DeliveriesDrawerProps = {
  districtId: DistrictId;
  /** The endpoint whose log is shown: the drawer is open while it is set. */
  endpoint: WebhookEndpoint | undefined;
  onClose: () => void;
};

/** 推送记录: an endpoint's deliveries, newest first, each with its attempts and a 重新推送. */
export function DeliveriesDrawer({ districtId, endpoint, onClose }: DeliveriesDrawerProps) {
  const t = useT();
  return (
    <Drawer
      open={endpoint !== undefined}
      onClose={onClose}
      title={endpoint ? t('webhook.deliveries_title', { url: endpoint.url }) : ''}
      width="min(1040px, 100vw)"
      destroyOnHidden
      data-testid="deliveries-drawer"
    >
      {endpoint ? <DeliveryLog districtId={districtId} endpoint={endpoint} /> : null}
    </Drawer>
  );
}

function DeliveryLog({ districtId, endpoint }: { districtId: DistrictId; endpoint: WebhookEndpoint }) {
  const t = useT();
  const { message } = App.useApp();
  const query = useDeliveries(districtId, endpoint.id);
  const replay = useReplayDelivery(districtId, endpoint.id);
  const doReplay = (delivery: WebhookDelivery) =>
    replay.mutate(delivery.id, {
      onSuccess: () => void message.success(t('delivery.replayed')),
      onError: (error) =>
        void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
    });
  const time = (value: string | null | undefined) =>
    value ? (
      <span style={{ whiteSpace: 'nowrap' }}>{dateTime(value)}</span>
    ) : (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    );

  const columns: TableProps<WebhookDelivery>['columns'] = [
    { title: t('delivery.created_at'), dataIndex: 'created_at', render: time },
    {
      title: t('delivery.event'),
      key: 'event',
      render: (_, d) => (
        <Flex vertical gap={2}>
          <span style={{ whiteSpace: 'nowrap' }}>{eventTypeLabel(t, d.event_type)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {d.event_id}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('delivery.status'),
      dataIndex: 'status',
      render: (status: WebhookDelivery['status']) => {
        const { label, color } = deliveryStatus(t, status);
        return (
          <Tag color={color} data-testid="delivery-status" data-status={status}>
            {label}
          </Tag>
        );
      },
    },
    { title: t('delivery.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('delivery.last_status_code'),
      dataIndex: 'last_status_code',
      align: 'right',
      render: (code: number | null | undefined) =>
        code == null ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : code,
    },
    {
      title: t('delivery.last_error'),
      dataIndex: 'last_error',
      render: (error: string | null | undefined) =>
        error ? (
          <Tooltip title={error}>
            <Typography.Text
              type="danger"
              ellipsis
              style={{ maxWidth: 200, fontSize: 12 }}
              data-testid="delivery-error"
            >
              {error}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    { title: t('delivery.next_attempt_at'), dataIndex: 'next_attempt_at', render: time },
    { title: t('delivery.delivered_at'), dataIndex: 'delivered_at', render: time },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, d) => (
        <Button
          size="small"
          type="link"
          loading={replay.isPending && replay.variables === d.id}
          onClick={() => doReplay(d)}
          data-testid="delivery-replay"
        >
          {t('delivery.replay')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap="small" wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('delivery.hint')}</Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} data-testid="deliveries-refresh">
          {t('delivery.refresh')}
        </Button>
      </Flex>
      <CursorTable<WebhookDelivery> query={query} columns={columns} rowKey="id" testId="deliveries-table" />
    </>
  );
}
