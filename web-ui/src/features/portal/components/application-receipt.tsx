import { EditOutlined, PrinterOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApplication, useResubmit } from '@/api/applications';
import { useClubs } from '@/api/clubs';
import { ApiError } from '@/api/problem';
import type { Application, ApplicationId, Child, StudentId } from '@/api/types';
import { AcceptanceDetails } from '@/components/acceptance-details';
import { ApplicationHistory } from '@/components/application-history';
import { ApplicationStatusTag } from '@/components/application-status-tag';
import { AppliedOfferings } from '@/components/applied-offerings';
import { ClubChoices } from '@/components/club-choices';
import { ProblemAlert } from '@/components/problem-alert';
import { portalLinks } from '@/config/paths';
import { isEditable } from '@/lib/apply-values';
import { dateTime } from '@/lib/date-time';
import { describeProblem, useT } from '@/lib/i18n';
import { leaveModeLabel } from '@/lib/service-labels';
import { latestComment } from '../review-comment';
import { useChild } from '../use-child';
import { ChildHeader } from './child-page';
import { WithdrawModal } from './withdraw-modal';

/** 社团志愿: the ranked clubs and where the child stands (enrolled, or waiting with a place). */
function ClubPlacement({ child, application }: { child: Child; application: Application }) {
  const t = useT();
  const clubs = useClubs(child.school_id, application.term_id);
  if (application.club_choices.length === 0) return null;
  return (
    <Card size="small" title={t('club.choices')} data-testid="portal-club-choices">
      <ClubChoices choices={application.club_choices} clubs={clubs.data?.items} />
    </Card>
  );
}

const OPEN = ['draft', 'submitted', 'class_approved', 'approved', 'returned_for_changes'];

function Receipt({
  child,
  applicationId,
  justSubmitted,
}: {
  child: Child;
  applicationId: ApplicationId;
  justSubmitted: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const query = useApplication(child.school_id, applicationId);
  const resubmit = useResubmit(child.school_id);
  const [withdrawing, setWithdrawing] = useState(false);
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const application = query.data;
  if (!application) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  const comment = latestComment(application);

  return (
    <Flex vertical gap={12}>
      {justSubmitted ? (
        <div data-testid="portal-submitted">
          <Result
            status="success"
            title={t('portal.submitted')}
            subTitle={t('portal.submitted_hint')}
            style={{ padding: '16px 0 0' }}
          />
        </div>
      ) : null}
      <Card
        size="small"
        title={t('portal.receipt')}
        data-testid="portal-receipt"
        extra={
          <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()} className="kehou-no-print">
            {t('portal.print')}
          </Button>
        }
      >
        <AcceptanceDetails
          acceptance={application.acceptance}
          testId="receipt"
          acceptedBy={t('portal.accepted_by_family')}
          before={
            <>
              <Descriptions.Item label={t('application.number')}>
                <span data-testid="receipt-application-id">{application.number}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('application.student')}>
                {application.student_name}（{application.homeroom_name}）
              </Descriptions.Item>
              <Descriptions.Item label={t('application.status')}>
                <ApplicationStatusTag status={application.status} testId="receipt-status" />
              </Descriptions.Item>
              <Descriptions.Item label={t('application.leave_mode')}>
                {leaveModeLabel(t, application.leave_mode)}
              </Descriptions.Item>
            </>
          }
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('portal.receipt_hint')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('application.offerings')}>
        <AppliedOfferings offerings={application.offerings} />
      </Card>
      <ClubPlacement child={child} application={application} />
      {comment && application.status !== 'approved' ? (
        <Alert
          type={application.status === 'returned_for_changes' || application.status === 'rejected' ? 'warning' : 'info'}
          showIcon
          message={t('portal.reviewer_comment')}
          description={comment}
        />
      ) : null}
      <Card size="small" title={t('portal.progress')}>
        <ApplicationHistory history={application.history} />
        {application.withdraw_effective_date ? (
          <Typography.Text type="secondary">
            {t('portal.withdrawn_from', { date: application.withdraw_effective_date })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('portal.updated_at', { at: dateTime(application.updated_at) })}
        </Typography.Text>
      </Card>
      {isEditable(application) ? (
        <Card size="small" data-testid="portal-edit-card">
          <Typography.Paragraph>
            {application.status === 'draft' ? t('portal.draft_hint') : t('portal.returned_hint')}
          </Typography.Paragraph>
          <Flex vertical gap={8}>
            <Button
              type="primary"
              size="large"
              block
              icon={<EditOutlined />}
              onClick={() => void navigate(portalLinks.edit(child.student_id, application.id))}
              data-testid="portal-edit"
            >
              {t('portal.edit')}
            </Button>
            <Popconfirm
              title={application.status === 'draft' ? t('portal.submit_confirm') : t('portal.resubmit_confirm')}
              onConfirm={() =>
                void resubmit.mutateAsync(application.id).then(
                  () => void message.success(t('portal.resubmitted')),
                  (error: unknown) =>
                    void message.error(
                      error instanceof ApiError ? describeProblem(t, error.problem).message : String(error),
                    ),
                )
              }
            >
              <Button block icon={<RedoOutlined />} loading={resubmit.isPending} data-testid="portal-resubmit">
                {application.status === 'draft' ? t('portal.submit') : t('portal.resubmit')}
              </Button>
            </Popconfirm>
          </Flex>
        </Card>
      ) : null}
      {OPEN.includes(application.status) ? (
        <>
          <Button
            danger
            block
            icon={<StopOutlined />}
            onClick={() => setWithdrawing(true)}
            data-testid="portal-withdraw"
          >
            {t('portal.withdraw')}
          </Button>
          <WithdrawModal
            schoolId={child.school_id}
            application={application}
            open={withdrawing}
            onClose={() => setWithdrawing(false)}
          />
        </>
      ) : null}
    </Flex>
  );
}

/** 报名回执: what the family can keep — the application number and the agreement they accepted (title, version, SHA-256, time) — with the progress of the review. */
export function ApplicationReceipt({
  studentId,
  applicationId,
  justSubmitted,
}: {
  studentId: StudentId;
  applicationId: ApplicationId;
  justSubmitted: boolean;
}) {
  const t = useT();
  const { child, isLoading, error, refetch } = useChild(studentId);
  if (isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (!child) {
    return (
      <>
        <ProblemAlert error={error} onRetry={refetch} />
        <Result status="404" title={t('portal.child_not_found')} />
      </>
    );
  }
  return (
    <div data-testid="portal-application-page">
      <ChildHeader child={child} back={portalLinks.child(child.student_id)} />
      <Receipt child={child} applicationId={applicationId} justSubmitted={justSubmitted} />
    </div>
  );
}
