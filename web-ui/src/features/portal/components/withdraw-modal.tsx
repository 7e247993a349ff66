import { App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useWithdrawApplication } from '@/api/applications';
import type { Application, SchoolId } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';

type Values = { effective_date: Dayjs; comment?: string };

const MAPPING: ProblemMapping = { fields: ['effective_date', 'comment'] };

type WithdrawModalProps = {
  schoolId: SchoolId;
  application: Application;
  open: boolean;
  onClose: () => void;
};

/** 撤回报名 (families may withdraw at any time): the service ends on the chosen date. */
export function WithdrawModal({ schoolId, application, open, onClose }: WithdrawModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const withdraw = useWithdrawApplication(schoolId);
  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    problem.clear();
    withdraw.mutate(
      {
        id: application.id,
        body: { effective_date: values.effective_date.format('YYYY-MM-DD'), comment: values.comment?.trim() || null },
      },
      {
        onSuccess: () => {
          void message.success(t('withdraw.done'));
          close();
        },
        onError: problem.show,
      },
    );
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('portal.withdraw_title')}
      form={form}
      initialValues={{ effective_date: dayjs() }}
      onFinish={submit}
      onCancel={close}
      submitting={withdraw.isPending}
      error={problem.error}
      testId="portal-withdraw-form"
    >
      <Typography.Paragraph type="secondary">{t('portal.withdraw_hint')}</Typography.Paragraph>
      <Form.Item
        label={t('withdraw.effective_date')}
        name="effective_date"
        rules={[{ required: true, message: t('form.select', { label: t('withdraw.effective_date') }) }]}
      >
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        label={t('portal.withdraw_reason')}
        name="comment"
        rules={[{ max: 500, message: t('form.max_length', { label: t('portal.withdraw_reason'), max: 500 }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('common.optional')} />
      </Form.Item>
    </FormModal>
  );
}
