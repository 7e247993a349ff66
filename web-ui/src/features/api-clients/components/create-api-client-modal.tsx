import { App, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useCreateApiClient } from '@/api/api-clients';
import { SCOPES, type Scope } from '@/api/scopes';
import type { ApiClientWithSecret, DistrictId, DistrictSchool } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { describeScope } from '../scopes';

type Values = { name: string; scopes: Scope[]; school_ids: number[] };

/** `scopes[2]` and `school_ids` land on their fields (form-problem strips the index). */
const CREATE_CLIENT_MAPPING: ProblemMapping = { fields: ['name', 'scopes', 'school_ids'] };

type CreateApiClientModalProps = {
  districtId: DistrictId;
  open: boolean;
  schools: readonly DistrictSchool[];
  onClose: () => void;
  /** The new client with its secret, to be shown once. */
  onCreated: (created: ApiClientWithSecret) => void;
};

/** 新增应用: a name, the scopes (each with what it allows) and, optionally, the schools it may reach. */
export function CreateApiClientModal({ districtId, open, schools, onClose, onCreated }: CreateApiClientModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, CREATE_CLIENT_MAPPING);
  const create = useCreateApiClient(districtId);
  const close = () => {
    problem.clear();
    onClose();
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('api_client.create')}
      form={form}
      initialValues={{ name: '', scopes: [], school_ids: [] }}
      onFinish={(values) => {
        problem.clear();
        create.mutate(
          { name: values.name.trim(), scopes: values.scopes, school_ids: values.school_ids },
          {
            onSuccess: (created) => {
              void message.success(t('api_client.created', { name: created.client.name }));
              close();
              onCreated(created);
            },
            onError: problem.show,
          },
        );
      }}
      onCancel={close}
      submitting={create.isPending}
      error={problem.error}
      testId="api-client-form"
      width={640}
    >
      <Form.Item
        label={t('api_client.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('api_client.name') }) },
          { max: 100, message: t('form.max_length', { label: t('api_client.name'), max: 100 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={100} placeholder={t('api_client.name_placeholder')} />
      </Form.Item>
      <Form.Item
        label={t('api_client.scopes')}
        name="scopes"
        rules={[{ required: true, type: 'array', min: 1, message: t('api_client.scopes_required') }]}
      >
        <Checkbox.Group style={{ width: '100%' }} data-testid="api-client-scopes">
          <Flex vertical gap={6}>
            {SCOPES.map((scope) => {
              const { label, hint } = describeScope(t, scope);
              return (
                <Checkbox key={scope} value={scope} data-testid="api-client-scope" data-scope={scope}>
                  {label} <Typography.Text code>{scope}</Typography.Text>
                  <Typography.Text type="secondary"> — {hint}</Typography.Text>
                </Checkbox>
              );
            })}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item label={t('api_client.schools')} name="school_ids" extra={t('api_client.schools_hint')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('api_client.schools_placeholder')}
          optionFilterProp="label"
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="api-client-schools"
        />
      </Form.Item>
    </FormModal>
  );
}
