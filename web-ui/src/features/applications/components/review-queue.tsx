import { CheckOutlined, CloseOutlined, FormOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Select, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApplications, type ApplicationSearch } from '@/api/applications';
import type {
  Application,
  ApplicationId,
  ApplicationStatus,
  BulkResult,
  Decision,
  HomeroomId,
  Review,
  SchoolId,
  TermId,
} from '@/api/types';
import type { ActorName } from '@/components/application-history';
import { ApplicationStatusTag } from '@/components/application-status-tag';
import { AppliedOfferings } from '@/components/applied-offerings';
import { CursorTable } from '@/components/cursor-table';
import { flattenPages } from '@/lib/cursor';
import { dateTime } from '@/lib/date-time';
import { isMessageKey, useT, type Translate } from '@/lib/i18n';
import { APPLICATION_STATUSES, applicationStatusLabel, exemptionLabel } from '@/lib/service-labels';
import { useBulkReview } from '../api/bulk-review';
import { bulkStep, stepFor } from '../review-step';
import { ApplicationDrawer, type PickupPersonsRenderer } from './application-drawer';
import { ReviewModal } from './review-modal';
import { StaffApplyDrawer } from './staff-apply-drawer';

export type HomeroomFilterProps = {
  value: HomeroomId | undefined;
  onChange: (homeroomId: HomeroomId | undefined) => void;
};

type ReviewQueueProps = {
  schoolId: SchoolId;
  termId: TermId;
  canClassReview: boolean;
  canSchoolReview: boolean;
  /** What the queue opens with: what this user reviews next. */
  defaultStatus: ApplicationStatus | undefined;
  renderHomeroomFilter?: (props: HomeroomFilterProps) => ReactNode;
  renderPickupPersons?: PickupPersonsRenderer;
  actorName?: ActorName;
};

/** A refusal of one application in a batch, in words (`application.wrong_status` → 当前状态不能执行此操作). */
function refusalText(t: Translate, code: string | null | undefined): string {
  if (!code) return t('review.refused');
  const key = `problem.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/**
 * 报名审核: the applications of the term (a homeroom teacher sees their class, admins all), filtered
 * by status and homeroom. Rows waiting for the same step can be selected and decided together
 * (bulk review: each application is its own transaction, so refusals are listed one by one).
 */
export function ReviewQueue({
  schoolId,
  termId,
  canClassReview,
  canSchoolReview,
  defaultStatus,
  renderHomeroomFilter,
  renderPickupPersons,
  actorName,
}: ReviewQueueProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Omit<ApplicationSearch, 'term_id'>>({ status: defaultStatus });
  const search: ApplicationSearch = { ...filters, term_id: termId };
  const query = useApplications(schoolId, search);
  const bulk = useBulkReview(schoolId);
  const [selected, setSelected] = useState<Application[]>([]);
  const [opened, setOpened] = useState<Application>();
  const [deciding, setDeciding] = useState<Decision>();
  const [applying, setApplying] = useState(false);
  const canApply = canClassReview || canSchoolReview;

  const step = bulkStep(
    selected.map((a) => a.status),
    canClassReview,
    canSchoolReview,
  );

  const decideMany = async (review: Review) => {
    if (!step) return;
    const batch = selected;
    const results: BulkResult[] = await bulk.mutateAsync({ ids: batch.map((a) => a.id), step, review });
    const refused = results.filter((r) => !r.status);
    setSelected([]);
    if (refused.length === 0) {
      void message.success(t('review.done_many', { count: results.length }));
      return;
    }
    const names = new Map<ApplicationId, string>(batch.map((a) => [a.id, a.student_name]));
    modal.warning({
      title: t('review.partly_done', { done: results.length - refused.length, refused: refused.length }),
      content: (
        <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="bulk-refusals">
          {refused.map((r) => (
            <li key={r.id}>
              {names.get(r.id) ?? `#${r.id}`}：{refusalText(t, r.error)}
            </li>
          ))}
        </ul>
      ),
    });
  };

  const columns: TableProps<Application>['columns'] = [
    {
      title: t('application.student'),
      dataIndex: 'student_name',
      render: (name: string, row) => (
        <a
          href={`#application-${row.id}`}
          data-testid="application-open"
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setOpened(row);
          }}
        >
          {name}
        </a>
      ),
    },
    { title: t('student.homeroom'), dataIndex: 'homeroom_name' },
    {
      title: t('application.offerings'),
      dataIndex: 'offerings',
      render: (offerings: Application['offerings']) => <AppliedOfferings offerings={offerings} compact />,
    },
    {
      title: t('application.exemption'),
      dataIndex: 'exemption_category',
      render: (c: string | null | undefined) => (c ? exemptionLabel(t, c) : t('common.none')),
    },
    {
      title: t('application.status'),
      dataIndex: 'status',
      render: (status: string) => <ApplicationStatusTag status={status} testId="application-row-status" />,
    },
    { title: t('application.created_at'), dataIndex: 'created_at', render: (at: string) => dateTime(at) },
  ];

  const rows = flattenPages(query.data);
  const selectable = rows.some((row) => stepFor(row.status, canClassReview, canSchoolReview));

  return (
    <>
      <Flex wrap gap="small" style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label={t('review.search')}
          placeholder={t('review.search')}
          allowClear
          maxLength={50}
          enterButton={t('common.search')}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="review-search"
          onSearch={(value) => {
            setSelected([]);
            setFilters((f) => ({ ...f, q: value.trim() || undefined }));
          }}
        />
        <Select<ApplicationStatus | 'all'>
          aria-label={t('application.status')}
          style={{ width: 160 }}
          data-testid="review-filter-status"
          value={filters.status ?? 'all'}
          onChange={(status) => {
            setSelected([]);
            setFilters((f) => ({ ...f, status: status === 'all' ? undefined : status }));
          }}
          options={[
            { value: 'all', label: t('application.all_statuses') },
            ...APPLICATION_STATUSES.map((s) => ({ value: s, label: applicationStatusLabel(t, s) })),
          ]}
        />
        {renderHomeroomFilter?.({
          value: filters.homeroom_id ?? undefined,
          onChange: (homeroom_id) => {
            setSelected([]);
            setFilters((f) => ({ ...f, homeroom_id }));
          },
        })}
        {canApply ? (
          <Button
            icon={<FormOutlined />}
            style={{ marginInlineStart: 'auto' }}
            onClick={() => setApplying(true)}
            data-testid="application-create"
          >
            {t('staff_apply.action')}
          </Button>
        ) : null}
      </Flex>
      {selected.length > 0 ? (
        <Alert
          type={step ? 'info' : 'warning'}
          data-testid="bulk-bar"
          style={{ marginBottom: 12 }}
          message={
            <Flex justify="space-between" align="center" wrap gap="small">
              <Typography.Text>
                {step
                  ? t('review.selected', {
                      count: selected.length,
                      step: step === 'class' ? t('review.step_class') : t('review.step_school'),
                    })
                  : t('review.mixed_selection', { count: selected.length })}
              </Typography.Text>
              <Flex gap="small" wrap>
                <Button size="small" onClick={() => setSelected([])}>
                  {t('review.clear_selection')}
                </Button>
                {step ? (
                  <>
                    <Button
                      size="small"
                      danger
                      icon={<CloseOutlined />}
                      onClick={() => setDeciding('reject')}
                      data-testid="bulk-reject"
                    >
                      {t('review.reject')}
                    </Button>
                    <Button
                      size="small"
                      icon={<RollbackOutlined />}
                      onClick={() => setDeciding('return')}
                      data-testid="bulk-return"
                    >
                      {t('review.return')}
                    </Button>
                    <Button
                      size="small"
                      type="primary"
                      icon={<CheckOutlined />}
                      onClick={() => setDeciding('approve')}
                      data-testid="bulk-approve"
                    >
                      {t('review.approve')}
                    </Button>
                  </>
                ) : null}
              </Flex>
            </Flex>
          }
        />
      ) : null}
      <CursorTable<Application>
        testId="applications-table"
        query={query}
        columns={columns}
        rowKey="id"
        onRowClick={setOpened}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected.map((a) => a.id),
                onChange: (_, picked) => setSelected(picked),
                getCheckboxProps: (row) => ({
                  disabled: !stepFor(row.status, canClassReview, canSchoolReview),
                  'aria-label': t('review.select_row', { name: row.student_name }),
                }),
              }
            : undefined
        }
      />
      <ApplicationDrawer
        schoolId={schoolId}
        application={opened}
        canClassReview={canClassReview}
        canSchoolReview={canSchoolReview}
        renderPickupPersons={renderPickupPersons}
        actorName={actorName}
        onClose={() => setOpened(undefined)}
      />
      <StaffApplyDrawer schoolId={schoolId} termId={termId} open={applying} onClose={() => setApplying(false)} />
      <ReviewModal
        decision={step ? deciding : undefined}
        step={step ?? 'class'}
        count={selected.length}
        onSubmit={decideMany}
        onClose={() => setDeciding(undefined)}
      />
    </>
  );
}
