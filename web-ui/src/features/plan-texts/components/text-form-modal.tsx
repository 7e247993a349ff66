import { App, Form, Input, Radio } from 'antd';
import type { NewPlanText, PlanText, SchoolId, Term, TextTemplate } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { TEXT_KINDS, textKindLabel } from '@/lib/service-labels';
import { useCreateText } from '../api/create-text';

type Values = Pick<NewPlanText, 'kind' | 'title' | 'body'>;

const MAPPING: ProblemMapping = { fields: ['kind', 'title', 'body'] };

type TextFormModalProps = {
  schoolId: SchoolId;
  term: Term;
  open: boolean;
  /** A new version starts from this one's title and body (the current version of the kind). */
  basedOn?: (kind: string) => PlanText | undefined;
  /** 从区模板创建: starts from the district's template (and records it as `template_id`). */
  template?: TextTemplate;
  onClose: () => void;
};

/** 新建草稿: a new version of a text; it can be read and checked before it is published. */
export function TextFormModal({ schoolId, term, open, basedOn, template, onClose }: TextFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateText(schoolId);
  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    problem.clear();
    create.mutate(
      {
        term_id: term.id,
        kind: values.kind,
        title: values.title.trim(),
        body: values.body,
        template_id: template && values.kind === template.kind ? template.id : null,
      },
      {
        onSuccess: (text) => {
          void message.success(t('text.created', { title: text.title, no: text.version_no }));
          close();
        },
        onError: problem.show,
      },
    );
  };
  const previous = basedOn?.('notice');
  return (
    <FormModal<Values>
      open={open}
      title={t('text.create_title', { term: term.name })}
      form={form}
      initialValues={
        template
          ? { kind: template.kind, title: template.title, body: template.body }
          : { kind: 'notice', title: previous?.title ?? '', body: previous?.body ?? '' }
      }
      onValuesChange={(changed: Partial<Values>) => {
        if (!changed.kind || template) return;
        const base = basedOn?.(changed.kind);
        form.setFieldsValue({ title: base?.title ?? '', body: base?.body ?? '' });
      }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending}
      error={problem.error}
      testId="text-form"
      width={720}
    >
      <Form.Item label={t('text.kind')} name="kind" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          data-testid="text-form-kind"
          options={TEXT_KINDS.map((k) => ({ value: k, label: textKindLabel(t, k) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('text.title')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('text.title') }) },
          { max: 100, message: t('form.max_length', { label: t('text.title'), max: 100 }) },
        ]}
      >
        <Input maxLength={100} autoComplete="off" placeholder={t('text.title_placeholder')} />
      </Form.Item>
      <Form.Item
        label={t('text.body')}
        name="body"
        extra={t('text.body_hint')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('text.body') }) },
          { max: 50000, message: t('form.max_length', { label: t('text.body'), max: 50000 }) },
        ]}
      >
        <Input.TextArea rows={14} maxLength={50000} showCount />
      </Form.Item>
    </FormModal>
  );
}
