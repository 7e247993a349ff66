import {
  ClockCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Table, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { ApiError } from '@/api/problem';
import { useServicePlans } from '@/api/service-plans';
import type { SchoolId, ServicePlan, Term } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { dateTime } from '@/lib/date-time';
import { describeProblem, useT } from '@/lib/i18n';
import { exemptionLabel } from '@/lib/service-labels';
import { useDeleteServicePlan, useWithdrawServicePlan } from '../api/plan-drafts';
import { useSubmitServicePlan } from '../api/submit-service-plan';
import { effectivePlanIds } from '../effective-plan';
import { OfferingsTable } from './offerings-table';
import { PlanFormModal } from './plan-form-modal';
import { PlanStatusTag } from './plan-status-tag';
import { PlanWindowModal } from './plan-window-modal';

type ServicePlansProps = {
  schoolId: SchoolId;
  term: Term;
  /** School admins draft versions and submit them to the district. */
  canEdit: boolean;
};

/** Newest first: the version being worked on is on top. */
const newestFirst = (a: ServicePlan, b: ServicePlan) => b.version_no - a.version_no;

/**
 * 服务方案 of one term: its versions with their status (草稿 → 待审批 → 已批准 / 已退回) and the
 * district's comment; a new version starts as a copy of the newest one.
 */
export function ServicePlans({ schoolId, term, canEdit }: ServicePlansProps) {
  const t = useT();
  const { message } = App.useApp();
  const query = useServicePlans(schoolId, term.id);
  const submit = useSubmitServicePlan(schoolId);
  const withdraw = useWithdrawServicePlan(schoolId);
  const remove = useDeleteServicePlan(schoolId);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ServicePlan | null>(null);
  const [moving, setMoving] = useState<ServicePlan | null>(null);
  const done = (p: Promise<unknown>, ok: string) =>
    void p.then(
      () => void message.success(ok),
      (error: unknown) =>
        void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
    );
  const plans = [...(query.data?.items ?? [])].sort(newestFirst);
  const effective = effectivePlanIds(plans);
  const approved = plans.find((p) => effective.has(p.id));

  const columns: TableProps<ServicePlan>['columns'] = [
    {
      title: t('plan.version'),
      dataIndex: 'version_no',
      render: (no: number) => <span data-testid="plan-version">{t('plan.version_no', { no })}</span>,
    },
    {
      title: t('plan.status'),
      dataIndex: 'status',
      render: (status: string, p) => <PlanStatusTag status={status} effective={effective.has(p.id)} />,
    },
    {
      title: t('plan.window'),
      key: 'window',
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {dateTime(p.window_opens_at)} {t('plan.window_to')}
          <br />
          {dateTime(p.window_closes_at)}
        </span>
      ),
    },
    {
      title: t('plan.offerings'),
      dataIndex: 'offerings',
      // The names are in the opened row; the count keeps the table within a tablet's width.
      render: (offerings: ServicePlan['offerings']) => t('plan.offering_count', { count: offerings.length }),
    },
    {
      title: t('plan.review_comment'),
      dataIndex: 'review_comment',
      render: (comment: string | null | undefined) => comment || t('common.none'),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Flex wrap gap={0}>
          {p.status === 'draft' ? (
            <>
              <Popconfirm
                title={t('plan.submit_confirm', { no: p.version_no })}
                okButtonProps={{ 'data-testid': 'plan-submit-confirm' }}
                onConfirm={() => done(submit.mutateAsync(p.id), t('plan.submitted'))}
              >
                <Button size="small" type="link" icon={<SendOutlined />} data-testid="plan-submit">
                  {t('plan.submit')}
                </Button>
              </Popconfirm>
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => setEditing(p)}
                data-testid="plan-edit"
              >
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('plan.delete_confirm', { no: p.version_no })}
                okButtonProps={{ danger: true, 'data-testid': 'plan-delete-confirm' }}
                onConfirm={() => done(remove.mutateAsync(p), t('plan.deleted', { no: p.version_no }))}
              >
                <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="plan-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
          {p.status === 'submitted' ? (
            <Popconfirm
              title={t('plan.withdraw_confirm', { no: p.version_no })}
              okButtonProps={{ 'data-testid': 'plan-withdraw-confirm' }}
              onConfirm={() => done(withdraw.mutateAsync(p), t('plan.withdrawn', { no: p.version_no }))}
            >
              <Button size="small" type="link" icon={<RollbackOutlined />} data-testid="plan-withdraw">
                {t('plan.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
          {effective.has(p.id) ? (
            <Button
              size="small"
              type="link"
              icon={<ClockCircleOutlined />}
              onClick={() => setMoving(p)}
              data-testid="plan-window"
            >
              {t('plan.window_change')}
            </Button>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <div data-testid="service-plans">
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 12 }}>
        {approved ? (
          <Alert
            type="success"
            showIcon
            data-testid="plan-approved-alert"
            message={t('plan.approved_hint', {
              no: approved.version_no,
              from: dateTime(approved.window_opens_at),
              to: dateTime(approved.window_closes_at),
            })}
          />
        ) : (
          <Alert type="info" showIcon message={t('plan.none_approved')} />
        )}
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
            {t('plan.create')}
          </Button>
        ) : null}
      </Flex>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="service-plans-error" />
      <Table<ServicePlan>
        // Remounted when the newest version changes, so that it opens expanded.
        key={plans[0]?.id ?? 'none'}
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={plans}
        scroll={{ x: 'max-content' }}
        data-testid="service-plans-table"
        onRow={() => ({ 'data-testid': 'service-plans-row' }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (p) => (
            <>
              <OfferingsTable offerings={p.offerings} />
              {(p.window_changes ?? []).map((c, i) => (
                <Typography.Paragraph
                  key={i}
                  type="secondary"
                  style={{ margin: '8px 0 0', fontSize: 12 }}
                  data-testid="plan-window-change"
                >
                  {t('plan.window_change_line', {
                    at: dateTime(c.changed_at),
                    who: c.changed_by_name ?? t('common.none'),
                    from: dateTime(c.from_closes_at),
                    to: dateTime(c.to_closes_at),
                    reason: c.reason,
                  })}
                </Typography.Paragraph>
              ))}
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                {t('plan.exemption_categories')}：
                {(p.exemption_categories ?? []).map((c) => exemptionLabel(t, c)).join('、') || t('common.none')}
              </Typography.Paragraph>
            </>
          ),
          defaultExpandedRowKeys: plans[0] ? [plans[0].id] : [],
        }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('plan.empty')}</Typography.Text> }}
      />
      {canEdit ? (
        <PlanFormModal
          schoolId={schoolId}
          term={term}
          basedOn={plans[0]}
          open={creating}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {canEdit && editing ? (
        <PlanFormModal schoolId={schoolId} term={term} editing={editing} open onClose={() => setEditing(null)} />
      ) : null}
      {canEdit ? <PlanWindowModal schoolId={schoolId} plan={moving} onClose={() => setMoving(null)} /> : null}
    </div>
  );
}
