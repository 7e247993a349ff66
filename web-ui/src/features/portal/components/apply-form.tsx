import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { newRequestId } from '@/api/request-id';
import type { Child, Club, ClubId, LeaveMode, Offering, PlanText, ServicePlan, StudentId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { TextBody } from '@/components/text-body';
import { paths, portalLinks } from '@/config/paths';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import {
  EXEMPTION_CATEGORIES,
  exemptionLabel,
  LEAVE_MODES,
  leaveModeLabel,
  offeringKindLabel,
  shortSha,
  weekdayLabel,
  weekdaysText,
} from '@/lib/service-labels';
import { useChildApplications } from '../api/get-child-applications';
import { usePortalClubs } from '../api/get-clubs';
import { useOpenPlan } from '../api/get-open-plan';
import { usePublishedTexts } from '../api/get-published-texts';
import { useApply } from '../api/apply';
import { timeFor } from '../offering-time';
import { eligibleClubs, MAX_CLUB_CHOICES } from '../club-choice';
import { useChild } from '../use-child';
import { ChildHeader } from './child-page';

type Choice = { selected?: boolean; weekdays?: number[] };

type Values = {
  choices: Record<string, Choice>;
  leave_mode: LeaveMode;
  claim_exemption: boolean;
  exemption_category?: string;
  exemption_note?: string;
  accept_agreement: boolean;
  /** Ranked: the first is the first choice. */
  club_choices: (ClubId | undefined)[];
};

/** Offering problems (a weekday not offered, a grade not served) come without a form field: an alert shows them. */
const MAPPING: ProblemMapping = {
  fields: ['leave_mode', 'exemption_category', 'exemption_note', 'accept_agreement', 'club_choices'],
  aliases: { 'exemption.category': 'exemption_category', 'exemption.note': 'exemption_note' },
};

function OfferingChoice({ offering, grade }: { offering: Offering; grade: number }) {
  const t = useT();
  const full = offering.cap != null && offering.taken >= offering.cap;
  const name = ['choices', String(offering.id)];
  return (
    <Card size="small" data-testid="portal-offering" data-offering-id={offering.id}>
      <Form.Item name={[...name, 'selected']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox data-testid="portal-offering-check">
          <Typography.Text strong>{offering.name}</Typography.Text>
        </Checkbox>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px', fontSize: 13 }}>
        {offeringKindLabel(t, offering.kind) === offering.name ? '' : `${offeringKindLabel(t, offering.kind)} · `}
        {weekdaysText(t, offering.weekdays)} {timeFor(offering, grade)}
        {offering.cap != null ? (
          <Tag color={full ? 'gold' : 'default'} style={{ marginInlineStart: 8 }}>
            {full
              ? offering.waiting > 0
                ? t('portal.offering_full_queue', { cap: offering.cap, waiting: offering.waiting })
                : t('portal.offering_full', { cap: offering.cap })
              : t('portal.offering_seats', { left: offering.cap - offering.taken, cap: offering.cap })}
          </Tag>
        ) : null}
      </Typography.Paragraph>
      <Form.Item
        noStyle
        shouldUpdate={(a, b) => (a as Values).choices?.[offering.id] !== (b as Values).choices?.[offering.id]}
      >
        {({ getFieldValue }) =>
          getFieldValue([...name, 'selected']) ? (
            <Form.Item
              name={[...name, 'weekdays']}
              label={t('portal.weekdays')}
              style={{ margin: '8px 0 0 24px' }}
              rules={[{ required: true, type: 'array', min: 1, message: t('portal.weekdays_required') }]}
            >
              <Checkbox.Group
                data-testid="portal-offering-weekdays"
                options={offering.weekdays.map((d) => ({ value: d, label: weekdayLabel(t, d) }))}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </Card>
  );
}

function clubLabel(t: ReturnType<typeof useT>, club: Club): string {
  const seats =
    club.taken >= club.capacity
      ? t('portal.club_full', { capacity: club.capacity, waiting: club.waiting })
      : t('portal.club_seats', { left: club.capacity - club.taken, capacity: club.capacity });
  return `${club.name}（${club.category} · ${weekdaysText(t, club.weekdays)} · ${seats}）`;
}

/** 社团志愿: up to five clubs in order of preference; the order is the rank. */
function ClubChoicesField({ clubs }: { clubs: readonly Club[] }) {
  const t = useT();
  const chosen = (Form.useWatch('club_choices') as Values['club_choices'] | undefined) ?? [];
  return (
    <Form.List name="club_choices">
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" data-testid="portal-club-choice">
              <Typography.Text type="secondary" style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>
                {t('portal.club_choice', { rank: index + 1 })}
              </Typography.Text>
              <Form.Item
                name={field.name}
                style={{ flex: 1, minWidth: 0, marginBottom: 0 }}
                rules={[{ required: true, message: t('form.select', { label: t('club.name') }) }]}
              >
                <Select<ClubId>
                  data-testid="portal-club-select"
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('portal.club_search')}
                  options={clubs.map((c) => ({
                    value: c.id,
                    label: clubLabel(t, c),
                    disabled: chosen.some((id, i) => i !== index && id === c.id),
                  }))}
                  // On a phone the whole line (category, days, seats) wraps instead of being cut off.
                  optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
                />
              </Form.Item>
              <Button
                icon={<ArrowUpOutlined />}
                aria-label={t('portal.club_up', { rank: index + 1 })}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={t('portal.club_remove', { rank: index + 1 })}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < Math.min(MAX_CLUB_CHOICES, clubs.length) ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="portal-club-add">
              {t('portal.club_add')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} style={{ marginTop: 20 }}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 8px' }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

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
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  // One key per filled-in form: a retry after a lost answer returns the same application.
  const [idempotencyKey] = useState(newRequestId);
  const claim = Form.useWatch('claim_exemption', form);
  const [noOffering, setNoOffering] = useState(false);
  const offerings = plan.offerings.filter((o) => o.grades.includes(child.grade));
  // The plan says which exemptions families may claim (an older server sends none: all three).
  const categories = plan.exemption_categories ?? [...EXEMPTION_CATEGORIES];

  const initialValues: Values = {
    choices: Object.fromEntries(offerings.map((o) => [String(o.id), { selected: false, weekdays: o.weekdays }])),
    leave_mode: 'pickup',
    claim_exemption: false,
    accept_agreement: false,
    club_choices: [],
  };

  const chosenOf = (choices: Values['choices'] | undefined) =>
    offerings.map((o) => ({ o, c: choices?.[String(o.id)] })).filter(({ c }) => c?.selected);
  const submit = (values: Values) => {
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
    <Form<Values>
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
      <Section title={t('portal.step_offerings')}>
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
      </Section>

      {clubs.length > 0 ? (
        <Section title={t('portal.step_clubs')} testId="portal-clubs">
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '0 0 8px' }}>
            {t('portal.clubs_hint')}
          </Typography.Paragraph>
          <ClubChoicesField clubs={clubs} />
        </Section>
      ) : null}

      <Section title={t('portal.step_leave')}>
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
      </Section>

      {categories.length > 0 ? (
        <Section title={t('portal.step_exemption')}>
          <Form.Item name="claim_exemption" valuePropName="checked" label={t('portal.claim_exemption')}>
            <Switch data-testid="portal-exemption-switch" />
          </Form.Item>
          {claim ? (
            <>
              <Form.Item
                name="exemption_category"
                label={t('portal.exemption_category')}
                rules={[{ required: true, message: t('form.select', { label: t('portal.exemption_category') }) }]}
              >
                <Radio.Group>
                  <Flex vertical gap={8}>
                    {categories.map((c) => (
                      <Radio key={c} value={c}>
                        {exemptionLabel(t, c)}
                      </Radio>
                    ))}
                  </Flex>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="exemption_note"
                label={t('portal.exemption_note')}
                extra={t('portal.exemption_note_hint')}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('form.required', { label: t('portal.exemption_note') }),
                  },
                  { max: 500, message: t('form.max_length', { label: t('portal.exemption_note'), max: 500 }) },
                ]}
              >
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
        </Section>
      ) : null}

      <Section title={t('portal.step_agreement')} testId="portal-agreement">
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong data-testid="portal-agreement-title">
            {agreement.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('text.version_no', { no: agreement.version_no })} · SHA-256 {shortSha(agreement.sha256)}
          </Typography.Text>
        </div>
        <TextBody body={agreement.body} maxHeight={320} testId="portal-agreement-body" />
        <Form.Item
          name="accept_agreement"
          valuePropName="checked"
          style={{ marginTop: 12 }}
          rules={[
            {
              validator: async (_, checked: boolean) => {
                if (!checked) throw new Error(t('portal.accept_required'));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Checkbox data-testid="portal-accept">{t('portal.accept')}</Checkbox>
        </Form.Item>
      </Section>

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
