import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { ServiceRequestsView } from '@/api/service-requests';
import type { SchoolId, ServiceRequest, StudentId } from '@/api/types';
import { LoadMore } from '@/components/load-more';
import { ProblemAlert } from '@/components/problem-alert';
import { useT } from '@/lib/i18n';
import { requestKindLabel, requestStatusColor, requestStatusLabel } from '@/lib/service-labels';
import { RequestReviewModal } from './request-review-modal';

/** Names of other features' records, resolved by the page. */
export type RequestNames = {
  student: (id: StudentId) => string | undefined;
  offering: (id: number) => string | undefined;
};

type ServiceRequestsListProps = {
  schoolId: SchoolId;
  /** The term's requests, page by page (from `useServiceRequests`). */
  view: ServiceRequestsView;
  names: RequestNames;
  /** School and district admins approve or reject. */
  canReview: boolean;
};

/** 延时/临时申请: the families' requests of the term, awaiting review first. */
export function ServiceRequestsList({ schoolId, view, names, canReview }: ServiceRequestsListProps) {
  const t = useT();
  const { status, setStatus, query, requests } = view;
  const [reviewing, setReviewing] = useState<{ request: ServiceRequest; approve: boolean }>();
  const studentName = (r: ServiceRequest) => names.student(r.student_id) ?? `#${r.student_id}`;

  const columns: TableProps<ServiceRequest>['columns'] = [
    {
      title: t('request.student'),
      dataIndex: 'student_id',
      render: (_, r) => <span data-testid="request-student">{studentName(r)}</span>,
    },
    { title: t('request.kind'), dataIndex: 'kind', render: (kind: string) => requestKindLabel(t, kind) },
    {
      title: t('request.offering'),
      dataIndex: 'offering_id',
      render: (id: number) => names.offering(id) ?? `#${id}`,
    },
    {
      title: t('request.when'),
      key: 'when',
      render: (_, r) =>
        r.kind === 'special_late' && r.until_time
          ? `${r.service_date ?? ''} ${t('request.until', { time: r.until_time })}`.trim()
          : (r.service_date ?? '—'),
    },
    {
      title: t('request.reason'),
      dataIndex: 'reason',
      render: (reason: string) => (
        <Typography.Text style={{ maxWidth: 280, display: 'block' }}>{reason}</Typography.Text>
      ),
    },
    {
      title: t('request.status'),
      dataIndex: 'status',
      render: (s: string, r) => (
        <div>
          <Tag color={requestStatusColor(s)} data-testid="request-status" data-status={s}>
            {requestStatusLabel(t, s)}
          </Tag>
          {r.review_comment ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.review_comment}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
  ];
  if (canReview) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'submitted' ? (
          <Flex gap={4}>
            <Button
              size="small"
              type="link"
              icon={<CheckOutlined />}
              data-testid="request-approve"
              onClick={() => setReviewing({ request: r, approve: true })}
            >
              {t('request.approve')}
            </Button>
            <Button
              size="small"
              type="link"
              danger
              icon={<CloseOutlined />}
              data-testid="request-reject"
              onClick={() => setReviewing({ request: r, approve: false })}
            >
              {t('request.reject')}
            </Button>
          </Flex>
        ) : null,
    });
  }

  return (
    <div data-testid="service-requests">
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 12 }}>
        <Segmented<string>
          value={status}
          onChange={setStatus}
          data-testid="request-status-filter"
          options={[
            { value: 'submitted', label: t('request.show_submitted') },
            { value: 'all', label: t('request.show_all') },
          ]}
        />
        <Typography.Text type="secondary">{t('request.hint')}</Typography.Text>
      </Flex>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="service-requests-error" />
      <Table<ServiceRequest>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading || (query.isFetching && !query.isFetchingNextPage)}
        columns={columns}
        dataSource={requests}
        scroll={{ x: 'max-content' }}
        data-testid="service-requests-table"
        onRow={() => ({ 'data-testid': 'service-requests-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Typography.Text type="secondary">{t('request.empty')}</Typography.Text> }}
      />
      <LoadMore
        testId="service-requests-load-more"
        loaded={requests.length}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={() => query.fetchNextPage()}
      />
      {canReview ? (
        <RequestReviewModal
          schoolId={schoolId}
          request={reviewing?.request}
          approve={reviewing?.approve ?? true}
          name={reviewing ? studentName(reviewing.request) : ''}
          onClose={() => setReviewing(undefined)}
        />
      ) : null}
    </div>
  );
}
