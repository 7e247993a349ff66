import { Alert, Button, Flex, Form, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { newRequestId } from '@/api/request-id';
import type { Child, Club, ClubId, PlanText, ServicePlan, StudentId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { paths, portalLinks } from '@/config/paths';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { EXEMPTION_CATEGORIES, LEAVE_MODES, leaveModeLabel } from '@/lib/service-labels';
import { useChildApplications } from '../api/get-child-applications';
import { usePortalClubs } from '../api/get-clubs';
import { useOpenPlan } from '../api/get-open-plan';
import { usePublishedTexts } from '../api/get-published-texts';
import { useApply } from '../api/apply';
import { eligibleClubs } from '../club-choice';
import { useChild } from '../use-child';
import { AgreementAcceptance } from './agreement-acceptance';
import { ApplySection } from './apply-section';
import type { ApplyValues } from './apply-values';
import { ChildHeader } from './child-page';
import { ClubChoicesField } from './club-choices-field';
import { ExemptionClaim } from './exemption-claim';
import { OfferingChoice } from './offering-choice';

/** Offering problems (a weekday not offered, a grade not served) come without a form field: an alert shows them. */
const MAPPING: ProblemMapping = {
  fields: ['leave_mode', 'exemption_category', 'exemption_note', 'accept_agreement', 'club_choices'],
  aliases: { 'exemption.category': 'exemption_category', 'exemption.note': 'exemption_note' },
};

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
  const problem = useFormProblem(form, MAPPING);
  // One key per filled-in form: a retry after a lost answer returns the same application.
  const [idempotencyKey] = useState(newRequestId);
  const [noOffering, setNoOffering] = useState(false);
  const offerings = plan.offerings.filter((o) => o.grades.includes(child.grade));
  // The plan says which exemptions families may claim (an older server sends none: all three).
  const categories = plan.exemption_categories ?? [...EXEMPTION_CATEGORIES];

  const initialValues: ApplyValues = {
    choices: Object.fromEntries(offerings.map((o) => [String(o.id), { selected: false, weekdays: o.weekdays }])),
    leave_mode: 'pickup',
    claim_exemption: false,
    accept_agreement: false,
    club_choices: [],
  };

  const chosenOf = (choices: ApplyValues['choices'] | undefined) =>
    offerings.map((o) => ({ o, c: choices?.[String(o.id)] })).filter(({ c }) => c?.selected);
  const submit = (values: ApplyValues) => {
    problem.clear();
    const chosen = chosenOf(values.choices);
    setNoOffering(chosen.length === 0);
    if (chosen.length === 0) return;
    apply.mutate(
      {
        idempotencyKey,
        body: {
          term_id: plan.term_id,
          student_id: child.student_id,
          offerings: chosen.map(({ o, c }) => ({ offering_id: o.id, weekdays: c?.weekdays ?? [] })),
          leave_mode: values.leave_mode,
          exemption: values.claim_exemption
            ? { category: values.exemption_category ?? '', note: values.exemption_note?.trim() ?? '' }
            : null,
          agreement_text_id: agreement.id,
          accept_agreement: values.accept_agreement,
          club_choices: (values.club_choices ?? []).filter((id): id is ClubId => id !== undefined),
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
      initialValues={initialValues}
      onFinish={submit}
      // Other fields failed: say at once too if no offering is chosen.
      onFinishFailed={({ values }) => setNoOffering(chosenOf(values.choices).length === 0)}
      disabled={apply.isPending}
      scrollToFirstError
      requiredMark={false}
      data-testid="portal-apply-form"
    >
      <ApplySection title={t('portal.step_offerings')}>
        <Flex vertical gap={8}>
          {offerings.map((o) => (
            <OfferingChoice key={o.id} offering={o} grade={child.grade} />
          ))}
        </Flex>
        {noOffering ? (
          <Typography.Text type="danger" role="alert" data-testid="portal-offerings-required">
            {t('portal.offerings_required')}
          </Typography.Text>
        ) : null}
      </ApplySection>

      {clubs.length > 0 ? (
        <ApplySection title={t('portal.step_clubs')} testId="portal-clubs">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '0 0 8px' }}>
            {t('portal.clubs_hint')}
          </Typography.Paragraph>
          <ClubChoicesField clubs={clubs} />
        </ApplySection>
      ) : null}

      <ApplySection title={t('portal.step_leave')}>
        <Form.Item name="leave_mode" style={{ marginBottom: 8 }}>
          <Radio.Group data-testid="portal-leave-mode">
            <Flex vertical gap={8}>
              {LEAVE_MODES.map((m) => (
                <Radio key={m} value={m}>
                  {leaveModeLabel(t, m)}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Alert type="info" showIcon message={t('portal.pickup_persons_note')} data-testid="portal-pickup-note" />
      </ApplySection>

      {categories.length > 0 ? <ExemptionClaim categories={categories} /> : null}

      <AgreementAcceptance agreement={agreement} />

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
  const apps = useChildApplications(child.school_id, plans.plan?.term_id, child.student_id);
  const clubs = usePortalClubs(child.school_id, plans.plan?.term_id);
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
          clubs={eligibleClubs(clubs.data?.items ?? [], child.grade, apps.applications[0]?.homeroom_id)}
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
