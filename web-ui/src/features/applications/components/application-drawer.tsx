import { CheckOutlined, CloseOutlined, EditOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApplication } from '@/api/applications';
import { useClubs } from '@/api/clubs';
import type { Application, Decision, SchoolId, StudentId } from '@/api/types';
import { AcceptanceDetails } from '@/components/acceptance-details';
import { ApplicationHistory, type ActorName } from '@/components/application-history';
import { ApplicationStatusTag } from '@/components/application-status-tag';
import { AppliedOfferings } from '@/components/applied-offerings';
import { ClubChoices } from '@/components/club-choices';
import { ProblemAlert } from '@/components/problem-alert';
import { dateTime } from '@/lib/date-time';
import { isEditable } from '@/lib/apply-values';
import { useT } from '@/lib/i18n';
import { exemptionLabel, leaveModeLabel, rejectReasonLabel } from '@/lib/service-labels';
import { useReviewApplication } from '../api/review-application';
import { OPEN_STATUSES, stepFor } from '../review-step';
import { AcceptanceEvidenceCheck } from './acceptance-evidence';
import { ReviewModal } from './review-modal';
import { StaffApplyDrawer } from './staff-apply-drawer';
import { WithdrawModal } from './withdraw-modal';

/** Names of a student's pickup persons (the students feature knows them; the route passes it in). */
export type PickupPersonsRenderer = (studentId: StudentId, ids: number[]) => ReactNode;

type ApplicationDrawerProps = {
  schoolId: SchoolId;
  /** The clicked row: shown at once, then read again. */
  application: Application | undefined;
  canClassReview: boolean;
  /** 学校复核, withdrawing for the family and the evidence check (admins). */
  canSchoolReview: boolean;
  renderPickupPersons?: PickupPersonsRenderer;
  /** Names the reviewers in the history (for roles that may list staff). */
  actorName?: ActorName;
  onClose: () => void;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} style={{ marginTop: 20 }}>
      <Typography.Title level={2} style={{ fontSize: 15, marginBottom: 8 }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * 申请详情: the offerings with the child's placement (or place in the queue), how the child
 * leaves, any exemption claim, the acceptance of the agreement (title, version, SHA-256, who,
 * when, through which channel) and the history with the reviewers' comments. The reviewer's
 * decision buttons sit at the bottom, within thumb reach on a tablet.
 */
export function ApplicationDrawer({
  schoolId,
  application: row,
  canClassReview,
  canSchoolReview,
  renderPickupPersons,
  actorName,
  onClose,
}: ApplicationDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const detail = useApplication(schoolId, row?.id, row);
  const application = detail.data ?? row;
  const hasClubs = (application?.club_choices.length ?? 0) > 0;
  const clubs = useClubs(schoolId, hasClubs ? application?.term_id : undefined);
  const review = useReviewApplication(schoolId);
  const [deciding, setDeciding] = useState<Decision>();
  const [withdrawing, setWithdrawing] = useState(false);
  const [editing, setEditing] = useState(false);

  const step = application ? stepFor(application.status, canClassReview, canSchoolReview) : undefined;
  const canWithdraw = canSchoolReview && application !== undefined && OPEN_STATUSES.includes(application.status);

  // 代为修改: staff who review the application may change a draft or returned one for the family.
  const canEdit = (canClassReview || canSchoolReview) && application !== undefined && isEditable(application);

  const footer =
    application && (step || canWithdraw || canEdit) ? (
      <Flex gap="small" wrap justify="flex-end">
        {canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="application-edit">
            {t('staff_apply.edit_action')}
          </Button>
        ) : null}
        {canWithdraw ? (
          <Button icon={<StopOutlined />} onClick={() => setWithdrawing(true)} data-testid="application-withdraw">
            {t('withdraw.action')}
          </Button>
        ) : null}
        {step ? (
          <>
            <Button
              danger
              icon={<CloseOutlined />}
              onClick={() => setDeciding('reject')}
              data-testid="application-reject"
            >
              {t('review.reject')}
            </Button>
            <Button icon={<RollbackOutlined />} onClick={() => setDeciding('return')} data-testid="application-return">
              {t('review.return')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDeciding('approve')}
              data-testid="application-approve"
            >
              {step === 'class' ? t('review.approve_class') : t('review.approve_school')}
            </Button>
          </>
        ) : null}
      </Flex>
    ) : null;

  return (
    <Drawer
      open={row !== undefined}
      onClose={onClose}
      title={
        application ? (
          <Flex gap="small" align="center" wrap>
            <span>
              {application.student_name}（{application.homeroom_name}）
            </span>
            <ApplicationStatusTag status={application.status} testId="application-status" />
          </Flex>
        ) : (
          t('application.detail')
        )
      }
      width="min(640px, 100vw)"
      destroyOnHidden
      footer={footer}
      data-testid="application-drawer"
    >
      {application ? (
        <div data-testid="application-detail">
          <ProblemAlert error={detail.error} onRetry={() => detail.refetch()} testId="application-detail-error" />
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 112 } }}>
            <Descriptions.Item label={t('application.number')}>
              <span data-testid="application-id">{application.number}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('application.leave_mode')}>
              {leaveModeLabel(t, application.leave_mode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('application.pickup_persons')}>
              {application.pickup_person_ids.length === 0
                ? t('application.no_pickup_persons')
                : (renderPickupPersons?.(application.student_id, application.pickup_person_ids) ??
                  t('application.pickup_count', { count: application.pickup_person_ids.length }))}
            </Descriptions.Item>
            <Descriptions.Item label={t('application.exemption')}>
              {application.exemption_category ? (
                <>
                  {exemptionLabel(t, application.exemption_category)}
                  {application.exemption_note ? (
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      {application.exemption_note}
                    </Typography.Text>
                  ) : null}
                </>
              ) : (
                t('application.no_exemption')
              )}
            </Descriptions.Item>
            {application.reject_reason ? (
              <Descriptions.Item label={t('review.reason')}>
                {rejectReasonLabel(t, application.reject_reason)}
              </Descriptions.Item>
            ) : null}
            {application.withdraw_effective_date ? (
              <Descriptions.Item label={t('withdraw.effective_date')}>
                {application.withdraw_effective_date}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('application.created_at')}>
              {dateTime(application.created_at)}
            </Descriptions.Item>
          </Descriptions>

          <Section title={t('application.offerings')}>
            <AppliedOfferings offerings={application.offerings} />
          </Section>

          {hasClubs ? (
            <Section title={t('club.choices')}>
              <ClubChoices choices={application.club_choices} clubs={clubs.data?.items} />
            </Section>
          ) : null}

          <Section title={t('acceptance.title')}>
            <AcceptanceDetails acceptance={application.acceptance} />
            {canSchoolReview ? (
              <AcceptanceEvidenceCheck
                schoolId={schoolId}
                studentId={application.student_id}
                acceptance={application.acceptance}
              />
            ) : null}
          </Section>

          <Section title={t('application.history')}>
            <ApplicationHistory history={application.history} actorName={actorName} />
          </Section>

          {step ? (
            <ReviewModal
              decision={deciding}
              step={step}
              count={1}
              onSubmit={(body) =>
                review.mutateAsync({ id: application.id, step, body }).then(() => {
                  void message.success(t('review.done_one'));
                })
              }
              onClose={() => setDeciding(undefined)}
            />
          ) : null}
          <WithdrawModal
            schoolId={schoolId}
            application={withdrawing ? application : undefined}
            onClose={() => setWithdrawing(false)}
          />
          {canEdit ? (
            <StaffApplyDrawer
              schoolId={schoolId}
              termId={application.term_id}
              open={editing}
              application={application}
              onClose={() => setEditing(false)}
            />
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
