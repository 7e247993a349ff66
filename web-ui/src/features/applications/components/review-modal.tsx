import { Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { Decision, RejectReason, Review } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { REJECT_REASONS, rejectReasonLabel } from '@/lib/service-labels';
import type { ReviewStep } from '../api/review-application';

type Values = { reason?: RejectReason; comment?: string };

const MAPPING: ProblemMapping = { fields: ['reason', 'comment'] };

type ReviewModalProps = {
  /** The decision being taken; closed when undefined. */
  decision: Decision | undefined;
  step: ReviewStep;
  /** How many applications the decision covers (1 from the drawer, more from the queue). */
  count: number;
  onSubmit: (review: Review) => Promise<unknown>;
  onClose: () => void;
};

/**
 * One review decision: 通过 (a comment is optional), 退回修改 (say what to change: the family reads
 * it) or 不通过 (a reason is required, and `other` needs the comment; lack of room is never one).
 */
export function ReviewModal({ decision, step, count, onSubmit, onClose }: ReviewModalProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const [submitting, setSubmitting] = useState(false);
  const reason = Form.useWatch('reason', form);

  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    if (!decision) return;
    problem.clear();
    setSubmitting(true);
    const review: Review = {
      decision,
      reason: decision === 'reject' ? (values.reason ?? null) : null,
      comment: values.comment?.trim() || null,
    };
    onSubmit(review)
      .then(close, problem.show)
      .finally(() => setSubmitting(false));
  };

  const stepName = step === 'class' ? t('review.step_class') : t('review.step_school');
  const title = decision ? t(`review.title_${decision}`, { step: stepName, count }) : '';
  const commentRequired = decision === 'return' || (decision === 'reject' && reason === 'other');

  return (
    <FormModal<Values>
      open={decision !== undefined}
      title={title}
      form={form}
      onFinish={submit}
      onCancel={close}
      submitting={submitting}
      error={problem.error}
      testId="review-form"
    >
      {decision === 'reject' ? (
        <>
          <Typography.Paragraph type="secondary">{t('review.reject_hint')}</Typography.Paragraph>
          <Form.Item
            label={t('review.reason')}
            name="reason"
            rules={[{ required: true, message: t('form.select', { label: t('review.reason') }) }]}
          >
            <Radio.Group data-testid="review-reason">
              {REJECT_REASONS.map((r) => (
                <Radio key={r} value={r}>
                  {rejectReasonLabel(t, r)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        label={t('review.comment')}
        name="comment"
        extra={decision === 'return' ? t('review.return_hint') : undefined}
        rules={[
          { required: commentRequired, whitespace: true, message: t('review.comment_required') },
          { max: 500, message: t('form.max_length', { label: t('review.comment'), max: 500 }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={commentRequired ? undefined : t('common.optional')}
          data-testid="review-comment"
        />
      </Form.Item>
    </FormModal>
  );
}
