import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { SchoolId, ServicePlan } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { dateTime } from '@/lib/date-time';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useChangeServicePlanWindow } from '../api/plan-drafts';

type Values = { mode: 'extend' | 'close'; closes_at?: Dayjs; reason: string };

const MAPPING: ProblemMapping = { fields: ['reason', 'closes_at'], aliases: { window_closes_at: 'closes_at' } };

/**
 * 调整报名时间 of an approved version: extend the window or close it now, with a reason the
 * district reads. No new version: the change is recorded on the plan.
 */
export function PlanWindowModal({
  schoolId,
  plan,
  onClose,
}: {
  schoolId: SchoolId;
  plan: ServicePlan | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const change = useChangeServicePlanWindow(schoolId);
  const mode = Form.useWatch('mode', form);
  const close = () => {
    problem.clear();
    onClose();
  };
  return (
    <FormModal<Values>
      open={plan != null}
      title={t('plan.window_change_title', { no: plan?.version_no ?? '' })}
      form={form}
      initialValues={{
        mode: 'extend',
        closes_at: plan ? dayjs(plan.window_closes_at).add(7, 'day') : undefined,
        reason: '',
      }}
      onFinish={(v) => {
        if (!plan) return;
        problem.clear();
        const closes = v.mode === 'close' ? dayjs() : v.closes_at;
        change.mutate(
          { plan, body: { window_closes_at: (closes ?? dayjs()).toISOString(), reason: v.reason.trim() } },
          {
            onSuccess: () => {
              void message.success(t(v.mode === 'close' ? 'plan.window_closed' : 'plan.window_extended'));
              close();
            },
            onError: problem.show,
          },
        );
      }}
      onCancel={close}
      submitting={change.isPending}
      error={problem.error}
      testId="plan-window-form"
    >
      <p>
        {plan
          ? t('plan.window_now', { from: dateTime(plan.window_opens_at), to: dateTime(plan.window_closes_at) })
          : null}
      </p>
      <Form.Item name="mode" label={t('plan.window_change')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'extend', label: t('plan.window_extend') },
            { value: 'close', label: t('plan.window_close_now') },
          ]}
        />
      </Form.Item>
      {mode !== 'close' ? (
        <Form.Item
          name="closes_at"
          label={t('plan.window_new_close')}
          rules={[{ required: true, message: t('form.select', { label: t('plan.window_new_close') }) }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="plan-window-close" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="reason"
        label={t('plan.window_reason')}
        extra={t('plan.window_reason_hint')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('plan.window_reason') }) }]}
      >
        <Input maxLength={200} showCount data-testid="plan-window-reason" />
      </Form.Item>
    </FormModal>
  );
}
