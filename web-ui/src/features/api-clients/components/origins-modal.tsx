import { App, Form, Select } from 'antd';
import { useEditApiClientOrigins } from '@/api/api-clients';
import type { ApiClient, DistrictId } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { firstInvalidOrigin, MAX_ORIGINS, originsToSend } from '../origins';

type Values = { allowed_origins: string[] };

/** `allowed_origins[3]` lands on the field. */
const MAPPING: ProblemMapping = { fields: ['allowed_origins'] };

type OriginsModalProps = {
  districtId: DistrictId;
  /** The client whose origins are edited: the dialog is open while it is set. */
  apiClient: ApiClient | undefined;
  onClose: () => void;
};

/** 设置来源: the browser origins (CORS) a client's tokens may be used from, as tags. */
export function OriginsModal({ districtId, apiClient, onClose }: OriginsModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const edit = useEditApiClientOrigins(districtId);
  const close = () => {
    problem.clear();
    onClose();
  };
  return (
    <FormModal<Values>
      open={apiClient !== undefined}
      title={t('api_client.origins_title', { name: apiClient?.name ?? '' })}
      form={form}
      initialValues={{ allowed_origins: apiClient?.allowed_origins ?? [] }}
      onFinish={(values) => {
        if (!apiClient) return;
        problem.clear();
        edit.mutate(
          { id: apiClient.id, body: { allowed_origins: originsToSend(values.allowed_origins) } },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              close();
            },
            onError: problem.show,
          },
        );
      }}
      onCancel={close}
      submitting={edit.isPending}
      error={problem.error}
      testId="api-client-origins-form"
    >
      <Form.Item
        label={t('api_client.origins')}
        name="allowed_origins"
        extra={t('api_client.origins_hint')}
        // As a browser sends it (lower-case, no trailing slash), so the tag shows what is saved.
        normalize={(value: string[] | undefined) => originsToSend(value ?? [])}
        rules={[
          {
            validator: (_, value: string[] | undefined) => {
              const values = value ?? [];
              const invalid = firstInvalidOrigin(values);
              if (invalid !== undefined)
                return Promise.reject(new Error(t('api_client.origin_invalid', { origin: invalid })));
              if (originsToSend(values).length > MAX_ORIGINS) {
                return Promise.reject(new Error(t('api_client.origins_max', { max: MAX_ORIGINS })));
              }
              return Promise.resolve();
            },
          },
        ]}
      >
        <Select
          mode="tags"
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', ' ', '，']}
          placeholder={t('api_client.origins_placeholder')}
          aria-label={t('api_client.origins')}
          data-testid="api-client-origins-input"
        />
      </Form.Item>
    </FormModal>
  );
}
