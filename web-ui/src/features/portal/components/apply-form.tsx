import { Button, Form, Result, Spin } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { useApply, useStudentApplications } from '@/api/applications';
import { useClubs } from '@/api/clubs';
import { newRequestId } from '@/api/request-id';
import { usePublishedTexts } from '@/api/texts';
import type { Child, Club, PlanText, ServicePlan, StudentId } from '@/api/types';
import { ApplyFields } from '@/components/apply-form/apply-fields';
import { ProblemAlert } from '@/components/problem-alert';
import { paths, portalLinks } from '@/config/paths';
import { APPLY_PROBLEMS, choicesBody, chosenOfferings, emptyValues, type ApplyValues } from '@/lib/apply-values';
import { eligibleClubs } from '@/lib/club-choice';
import { useFormProblem } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { EXEMPTION_CATEGORIES } from '@/lib/service-labels';
import { useOpenPlan } from '../api/get-open-plan';
import { useChild } from '../use-child';
import { ChildHeader } from './child-page';

type FormProps = {
  child: Child;
  plan: ServicePlan;
  /** The clubs this child may rank (empty: the section is not shown). */
  clubs: readonly Club[];
  agreement: PlanText;
  /** Owned by the page, not the form: the form unmounts once the new application is listed. */
  apply: ReturnType<typeof useApply>;
};

function TheForm({ child, plan, clubs, agreement, apply }: FormProps) {
  const t = useT();
  const [form] = Form.useForm<ApplyValues>();
  const problem = useFormProblem(form, APPLY_PROBLEMS);
  // One key per filled-in form: a retry after a lost answer returns the same application.
  const [idempotencyKey] = useState(newRequestId);
  const [noOffering, setNoOffering] = useState(false);
  const offerings = plan.offerings.filter((o) => o.grades.includes(child.grade));
  // The plan says which exemptions families may claim (an older server sends none: all three).
  const categories = plan.exemption_categories ?? [...EXEMPTION_CATEGORIES];

  const submit = (values: ApplyValues) => {
    problem.clear();
    const body = choicesBody(offerings, values);
    setNoOffering(body.offerings.length === 0);
    if (body.offerings.length === 0) return;
    apply.mutate(
      {
        idempotencyKey,
        body: {
          ...body,
          term_id: plan.term_id,
          student_id: child.student_id,
          agreement_text_id: agreement.id,
          accept_agreement: values.accept_agreement,
        },
      },
      { onError: problem.show },
    );
  };

  return (
    <Form<ApplyValues>
      form={form}
      name="portal-apply"
      layout="vertical"
      initialValues={emptyValues(offerings)}
      onFinish={submit}
      // Other fields failed: say at once too if no offering is chosen.
      onFinishFailed={({ values }) => setNoOffering(chosenOfferings(offerings, values.choices).length === 0)}
      disabled={apply.isPending}
      scrollToFirstError
      requiredMark={false}
      data-testid="portal-apply-form"
    >
      <ApplyFields
        child={child}
        offerings={offerings}
        clubs={clubs}
        categories={categories}
        agreement={agreement}
        noOffering={noOffering}
      />
      <ProblemAlert error={problem.error} testId="portal-apply-error" />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={apply.isPending}
        data-testid="portal-apply-submit"
      >
        {t('portal.submit')}
      </Button>
    </Form>
  );
}

function ApplyForChild({ child }: { child: Child }) {
  const t = useT();
  const navigate = useNavigate();
  const plans = useOpenPlan(child.school_id);
  const texts = usePublishedTexts(child.school_id, plans.plan?.term_id);
  const apps = useStudentApplications(child.school_id, plans.plan?.term_id, child.student_id);
  const clubs = useClubs(child.school_id, plans.plan?.term_id);
  const apply = useApply(child.school_id);

  // Once applied, on to the receipt — checked before the list, which now shows the application.
  if (apply.data) {
    return (
      <Navigate to={portalLinks.application(child.student_id, apply.data.id)} replace state={{ submitted: true }} />
    );
  }
  if (plans.isLoading || texts.isLoading || apps.isLoading || clubs.isLoading) {
    return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  }
  const open = apps.applications.find((a) => !['rejected', 'withdrawn'].includes(a.status));
  return (
    <>
      <ProblemAlert error={plans.error ?? texts.error ?? apps.error ?? clubs.error} />
      {!plans.plan ? (
        <Result status="info" title={t('portal.no_plan')} />
      ) : !texts.agreement ? (
        <Result status="info" title={t('portal.no_agreement')} />
      ) : open ? (
        <Result
          status="info"
          title={t('portal.already_applied')}
          extra={
            <Button onClick={() => void navigate(portalLinks.application(child.student_id, open.id))}>
              {t('portal.view_receipt')}
            </Button>
          }
        />
      ) : (
        <TheForm
          child={child}
          plan={plans.plan}
          clubs={eligibleClubs(clubs.data?.items ?? [], child.grade, child.homeroom_id)}
          agreement={texts.agreement}
          apply={apply}
        />
      )}
    </>
  );
}

/**
 * 报名: the offerings of the approved plan for the child's grade (each on some of its weekdays),
 * how the child leaves, an optional fee-exemption claim, and the full agreement, which the family
 * must accept (我已阅读并同意) — the server records the exact version and its SHA-256.
 */
export function ApplyForm({ studentId }: { studentId: StudentId }) {
  const t = useT();
  const navigate = useNavigate();
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
    <div data-testid="portal-apply-page">
      <ChildHeader child={child} back={portalLinks.child(child.student_id)} />
      <ApplyForChild child={child} />
      <Button type="link" block onClick={() => void navigate(paths.portal)} style={{ marginTop: 8 }}>
        {t('portal.back_to_children')}
      </Button>
    </div>
  );
}
