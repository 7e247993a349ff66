import { Alert, Button, Result, Spin, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useApplication, useEditAndResubmit } from '@/api/applications';
import { useClubs } from '@/api/clubs';
import { usePublishedTexts } from '@/api/texts';
import type { Application, ApplicationId, Child, Club, StudentId } from '@/api/types';
import { ApplicationStatusTag } from '@/components/application-status-tag';
import { ProblemAlert } from '@/components/problem-alert';
import { portalLinks } from '@/config/paths';
import { isEditable } from '@/lib/apply-values';
import { eligibleClubs } from '@/lib/club-choice';
import { useT } from '@/lib/i18n';
import { EXEMPTION_CATEGORIES } from '@/lib/service-labels';
import { useOpenPlan } from '../api/get-open-plan';
import { latestComment } from '../review-comment';
import { useChild } from '../use-child';
import { ChildHeader } from './child-page';
import { EditForm } from './edit-form';

/** The clubs to rank: those the child may choose, and any already chosen (still shown by name). */
function clubsFor(all: readonly Club[], child: Child, application: Application): Club[] {
  const chosen = new Set(application.club_choices.map((c) => c.club_id));
  const eligible = new Set(eligibleClubs(all, child.grade, child.homeroom_id).map((c) => c.id));
  return all.filter((c) => eligible.has(c.id) || chosen.has(c.id));
}

type EditProps = { child: Child; application: Application; save: ReturnType<typeof useEditAndResubmit> };

function EditApplication({ child, application, save }: EditProps) {
  const t = useT();
  const navigate = useNavigate();
  const plans = useOpenPlan(child.school_id);
  const texts = usePublishedTexts(child.school_id, application.term_id);
  const clubs = useClubs(child.school_id, application.term_id);
  const receipt = portalLinks.application(child.student_id, application.id);
  if (plans.isLoading || texts.isLoading || clubs.isLoading) {
    return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  }
  // The plan the application was made under (the open one if that is no longer listed).
  const plan = plans.data?.items.find((p) => p.id === application.plan_id) ?? plans.plan;
  const comment = latestComment(application);
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, margin: '0 0 8px' }}>
        {t('portal.edit_title')} <ApplicationStatusTag status={application.status} testId="portal-edit-status" />
      </Typography.Title>
      {comment ? (
        <Alert
          type="warning"
          showIcon
          message={t('portal.reviewer_comment')}
          description={comment}
          data-testid="portal-edit-comment"
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0 0' }}>
        {t('portal.edit_hint')}
      </Typography.Paragraph>
      <ProblemAlert error={plans.error ?? texts.error ?? clubs.error} />
      {!plan ? (
        <Result status="info" title={t('portal.no_plan')} />
      ) : (
        <EditForm
          child={child}
          application={application}
          offerings={plan.offerings.filter((o) => o.grades.includes(child.grade))}
          clubs={clubsFor(clubs.data?.items ?? [], child, application)}
          categories={plan.exemption_categories ?? [...EXEMPTION_CATEGORIES]}
          agreement={texts.agreement}
          onAgreementStale={() => texts.refetch()}
          save={save}
        />
      )}
      <Button type="link" block onClick={() => void navigate(receipt)} style={{ marginTop: 8 }}>
        {t('portal.edit_cancel')}
      </Button>
    </>
  );
}

/** The application as read; once saved and submitted, on to its receipt. */
function EditPage({ child, applicationId }: { child: Child; applicationId: ApplicationId }) {
  const t = useT();
  const navigate = useNavigate();
  const query = useApplication(child.school_id, applicationId);
  const save = useEditAndResubmit(child.school_id);
  const receipt = portalLinks.application(child.student_id, applicationId);
  if (save.isSuccess) return <Navigate to={receipt} replace state={{ submitted: true }} />;
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const application = query.data;
  if (!application) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  // While saving, the refetched application is already submitted: the form stays until it is done.
  if (!isEditable(application) && !save.isPending) {
    return (
      <Result
        status="info"
        title={t('portal.not_editable')}
        extra={<Button onClick={() => void navigate(receipt)}>{t('portal.view_receipt')}</Button>}
      />
    );
  }
  return <EditApplication child={child} application={application} save={save} />;
}

/** 修改报名: a returned application (or a draft) changed by the family and submitted again. */
export function ApplicationEdit({ studentId, applicationId }: { studentId: StudentId; applicationId: ApplicationId }) {
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
    <div data-testid="portal-edit-page">
      <ChildHeader child={child} back={portalLinks.application(child.student_id, applicationId)} />
      <EditPage child={child} applicationId={applicationId} />
    </div>
  );
}
