import { AutoComplete, Form, Input } from 'antd';
import type { GuardianLink } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';

/** A guardian and a pickup person are entered alike: name, phone, relation. */
export type ContactValues = GuardianLink;

const MAPPING: ProblemMapping = { fields: ['name', 'phone', 'relation'] };
const PHONE = /^[0-9+\- ]{5,20}$/;
/** Common answers; any other relation may be typed (the API stores free text). */
const RELATIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他亲属'];

type ContactFormModalProps = {
  open: boolean;
  title: string;
  testId: string;
  submitting: boolean;
  onSubmit: (values: ContactValues, handlers: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  onClose: () => void;
};

export function ContactFormModal({ open, title, testId, submitting, onSubmit, onClose }: ContactFormModalProps) {
  const t = useT();
  const [form] = Form.useForm<ContactValues>();
  const problem = useFormProblem(form, MAPPING);
  const close = () => {
    problem.clear();
    onClose();
  };
  const required = (label: string) => ({ required: true, whitespace: true, message: t('form.required', { label }) });
  return (
    <FormModal<ContactValues>
      open={open}
      title={title}
      form={form}
      onFinish={(values) => {
        problem.clear();
        onSubmit(values, { onSuccess: close, onError: problem.show });
      }}
      onCancel={close}
      submitting={submitting}
      error={problem.error}
      testId={testId}
    >
      <Form.Item
        label={t('person.name')}
        name="name"
        rules={[
          required(t('person.name')),
          { max: 50, message: t('form.max_length', { label: t('person.name'), max: 50 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        label={t('person.phone')}
        name="phone"
        rules={[required(t('person.phone')), { pattern: PHONE, message: t('form.phone_invalid') }]}
      >
        <Input autoComplete="off" inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item
        label={t('person.relation')}
        name="relation"
        rules={[
          required(t('person.relation')),
          { max: 20, message: t('form.max_length', { label: t('person.relation'), max: 20 }) },
        ]}
      >
        <AutoComplete
          options={RELATIONS.map((value) => ({ value }))}
          placeholder={t('person.relation_placeholder')}
          // Suggest only what completes the typed text: an exact match would cover the OK button.
          filterOption={(input, option) => {
            const value = option?.value ?? '';
            return value.includes(input) && value !== input;
          }}
        />
      </Form.Item>
    </FormModal>
  );
}
