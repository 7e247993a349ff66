import { Button, DatePicker, Flex, Form, Input, Radio, Result, Select, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { Child, ServicePlan, StudentId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { portalLinks } from '@/config/paths';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { lateUntilOptions } from '@/lib/offering-time';
import { REQUEST_KINDS, requestKindLabel } from '@/lib/service-labels';
import { useCreateRequest } from '../api/create-request';
import { useOpenPlan } from '../api/get-open-plan';
import { useChild } from '../use-child';
import { ChildHeader } from './child-page';

type Kind = (typeof REQUEST_KINDS)[number];
type Values = {
  kind: Kind;
  offering_id: number;
  service_date?: Dayjs;
  until_time?: string;
  reason: string;
};

const MAPPING: ProblemMapping = { fields: ['kind', 'offering_id', 'service_date', 'until_time', 'reason'] };

function TheForm({ child, plan }: { child: Child; plan: ServicePlan }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateRequest(child.school_id);
  const kind = Form.useWatch('kind', form) ?? 'day_registration';
  const offerings = plan.offerings.filter((o) => o.grades.includes(child.grade));
  const late = offerings.find((o) => o.kind === 'late_extension') ?? offerings[offerings.length - 1];
  const offeringId = Form.useWatch('offering_id', form);
  const chosen = offerings.find((o) => o.id === offeringId);

  const submit = (values: Values) => {
    problem.clear();
    create.mutate(
      {
        term_id: plan.term_id,
        student_id: child.student_id,
        kind: values.kind,
        offering_id: values.offering_id,
        service_date: values.service_date?.format('YYYY-MM-DD') ?? null,
        until_time: values.kind === 'special_late' ? (values.until_time ?? null) : null,
        reason: values.reason.trim(),
      },
      {
        onSuccess: () =>
          void navigate(portalLinks.child(child.student_id), { replace: true, state: { requested: true } }),
        onError: problem.show,
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      name="portal-request"
      layout="vertical"
      requiredMark={false}
      initialValues={{ kind: 'day_registration', offering_id: offerings[0]?.id }}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.kind === 'special_late' && late) form.setFieldValue('offering_id', late.id);
        if (changed.offering_id !== undefined) form.setFieldValue('until_time', undefined);
      }}
      onFinish={submit}
      disabled={create.isPending}
      data-testid="portal-request-form"
    >
      <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 12px' }}>
        {t('portal.request_title')}
      </Typography.Title>
      <Form.Item name="kind" label={t('portal.request_kind')}>
        <Radio.Group data-testid="portal-request-kind">
          <Flex vertical gap={8}>
            {REQUEST_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {requestKindLabel(t, k)}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {k === 'day_registration' ? t('portal.request_day_hint') : t('portal.request_late_hint')}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="offering_id"
        label={t('request.offering')}
        rules={[{ required: true, message: t('form.select', { label: t('request.offering') }) }]}
      >
        <Select
          data-testid="portal-request-offering"
          options={offerings.map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item
        name="service_date"
        label={t('request.date')}
        rules={[
          {
            required: kind === 'day_registration',
            message: t('form.select', { label: t('request.date') }),
          },
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          inputReadOnly
          placeholder={kind === 'special_late' ? t('common.optional') : undefined}
          data-testid="portal-request-date"
        />
      </Form.Item>
      {kind === 'special_late' ? (
        <Form.Item
          name="until_time"
          label={t('request.until_time')}
          rules={[{ required: true, message: t('form.select', { label: t('request.until_time') }) }]}
        >
          {/* A list of times after the service ends: easier to tap on a phone than a time wheel. */}
          <Select
            data-testid="portal-request-until"
            options={(chosen ? lateUntilOptions(chosen) : []).map((time) => ({ value: time, label: time }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="reason"
        label={t('request.reason')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('request.reason') }) },
          { max: 500, message: t('form.max_length', { label: t('request.reason'), max: 500 }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('portal.request_reason_placeholder')}
          data-testid="portal-request-reason"
        />
      </Form.Item>
      <ProblemAlert error={problem.error} testId="portal-request-error" />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={create.isPending}
        data-testid="portal-request-submit"
      >
        {t('portal.request_submit')}
      </Button>
    </Form>
  );
}

function RequestForChild({ child }: { child: Child }) {
  const t = useT();
  const plans = useOpenPlan(child.school_id);
  if (plans.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return (
    <>
      <ProblemAlert error={plans.error} />
      {plans.plan ? <TheForm child={child} plan={plans.plan} /> : <Result status="info" title={t('portal.no_plan')} />}
    </>
  );
}

/** 延时/临时申请: a single day's service, or staying later than the service ends, with a reason. */
export function RequestForm({ studentId }: { studentId: StudentId }) {
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
    <div data-testid="portal-request-page">
      <ChildHeader child={child} back={portalLinks.child(child.student_id)} />
      <RequestForChild child={child} />
    </div>
  );
}
