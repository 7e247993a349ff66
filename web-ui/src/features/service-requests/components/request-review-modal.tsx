import { App, Form, Input } from 'antd';
import type { SchoolId, ServiceRequest } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useReviewServiceRequest } from '../api/review-service-request';

type Values = { comment?: string };

const MAPPING: ProblemMapping = { fields: ['comment'] };

type RequestReviewModalProps = {
  schoolId: SchoolId;
  request: ServiceRequest | undefined;
  approve: boolean;
  /** The child's name, for the title. */
  name: string;
  onClose: () => void;
};

/** 同意 (comment optional) or 不同意 (a comment is required: the family sees why). */
export function RequestReviewModal({ schoolId, request, approve, name, onClose }: RequestReviewModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const review = useReviewServiceRequest(schoolId);
  const close = () => {
    problem.clear();
    form.resetFields();
    onClose();
  };
  const submit = (values: Values) => {
    if (!request) return;
    problem.clear();
    review.mutate(
      { id: request.id, body: { approve, comment: values.comment?.trim() || null } },
      {
        onSuccess: () => {
          void message.success(t('request.reviewed'));
          close();
        },
        onError: problem.show,
      },
    );
  };
  const label = t('request.review_comment');
  return (
    <FormModal<Values>
      open={request !== undefined}
      title={approve ? t('request.approve_title', { name }) : t('request.reject_title', { name })}
      form={form}
      onFinish={submit}
      onCancel={close}
      submitting={review.isPending}
      error={problem.error}
      testId="request-review-form"
    >
      <Form.Item
        label={label}
        name="comment"
        rules={[
          { required: !approve, whitespace: true, message: t('request.reject_comment_required') },
          { max: 500, message: t('form.max_length', { label, max: 500 }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={approve ? t('common.optional') : undefined}
          data-testid="request-review-comment"
        />
      </Form.Item>
    </FormModal>
  );
}
