import { App, Form, Input } from 'antd';
import type { SchoolId, ServicePlan } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useReviewServicePlan, type PlanDecision } from '../api/review-service-plan';

type Values = { comment?: string };

const MAPPING: ProblemMapping = { fields: ['comment'] };

type PlanReviewModalProps = {
  schoolId: SchoolId;
  plan: ServicePlan | undefined;
  decision: PlanDecision;
  onClose: () => void;
};

/** 批准 (comment optional) or 退回 (a comment is required: the school needs to know what to change). */
export function PlanReviewModal({ schoolId, plan, decision, onClose }: PlanReviewModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const review = useReviewServicePlan(schoolId);
  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    if (!plan) return;
    problem.clear();
    review.mutate(
      { id: plan.id, decision, body: { comment: values.comment?.trim() || null } },
      {
        onSuccess: () => {
          void message.success(decision === 'approve' ? t('plan.approved') : t('plan.rejected'));
          close();
        },
        onError: problem.show,
      },
    );
  };
  const label = t('plan.review_comment');
  return (
    <FormModal<Values>
      open={plan !== undefined}
      title={
        decision === 'approve'
          ? t('plan.approve_title', { no: plan?.version_no ?? '' })
          : t('plan.reject_title', { no: plan?.version_no ?? '' })
      }
      form={form}
      onFinish={submit}
      onCancel={close}
      submitting={review.isPending}
      error={problem.error}
      testId="plan-review-form"
    >
      <Form.Item
        label={label}
        name="comment"
        rules={[
          { required: decision === 'reject', whitespace: true, message: t('plan.reject_comment_required') },
          { max: 500, message: t('form.max_length', { label, max: 500 }) },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={500}
          showCount
          placeholder={decision === 'approve' ? t('common.optional') : t('plan.reject_comment_placeholder')}
          data-testid="plan-review-comment"
        />
      </Form.Item>
    </FormModal>
  );
}
