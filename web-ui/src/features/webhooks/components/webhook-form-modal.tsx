import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { receivesEvents } from '@/api/api-clients';
import { ApiError } from '@/api/problem';
import type { ApiClient, DistrictId, WebhookEndpoint, WebhookWithSecret } from '@/api/types';
import { useCreateWebhook, useEditWebhook, webhookQueryOptions } from '@/api/webhooks';
import { FormModal } from '@/components/form-modal';
import { useFormProblem } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { createBody, editBody, EMPTY_WEBHOOK, valuesOf, WEBHOOK_MAPPING, type WebhookValues } from '../form-values';
import { EVENT_TYPES, eventTypeLabel } from '../labels';

type WebhookFormModalProps = {
  districtId: DistrictId;
  open: boolean;
  /** Edits this endpoint (as the list has it) when set; else registers a new one. */
  endpoint?: WebhookEndpoint;
  clients: readonly ApiClient[];
  onClose: () => void;
  /** A new endpoint with its signing secret, to be shown once. */
  onCreated: (created: WebhookWithSecret) => void;
};

/**
 * 新增推送地址 / 编辑推送地址: the client (only clients that may receive events), the URL, the
 * event types (none: every type) and a description. An edit sends the version it started from;
 * on 412 the current version is loaded into the form and the user redoes the change.
 */
export function WebhookFormModal({ districtId, open, endpoint, clients, onClose, onCreated }: WebhookFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<WebhookValues>();
  const problem = useFormProblem(form, WEBHOOK_MAPPING);
  const create = useCreateWebhook(districtId);
  const edit = useEditWebhook(districtId);
  // After a 412: the version stored now, which the next attempt sends.
  const [fresh, setFresh] = useState<WebhookEndpoint>();
  const base = endpoint && fresh?.id === endpoint.id ? fresh : endpoint;
  const eligible = clients.filter(receivesEvents);
  const owner = base ? clients.find((c) => c.id === base.api_client_id) : undefined;

  const close = () => {
    problem.clear();
    setFresh(undefined);
    onClose();
  };
  const reload = async (stale: WebhookEndpoint) => {
    const current = await queryClient.fetchQuery({ ...webhookQueryOptions(districtId, stale.id), staleTime: 0 });
    setFresh(current);
    form.setFieldsValue(valuesOf(current));
  };
  const submit = (values: WebhookValues) => {
    problem.clear();
    if (base) {
      const body = editBody(base, values);
      if (Object.keys(body).length === 0) {
        close();
        return;
      }
      edit.mutate(
        { endpoint: base, body },
        {
          onSuccess: () => {
            void message.success(t('common.saved'));
            close();
          },
          onError: (error) => {
            problem.show(error);
            if (error instanceof ApiError && error.status === 412) void reload(base);
          },
        },
      );
    } else {
      create.mutate(createBody(values), {
        onSuccess: (created) => {
          void message.success(t('webhook.created'));
          close();
          onCreated(created);
        },
        onError: problem.show,
      });
    }
  };

  return (
    <FormModal<WebhookValues>
      open={open}
      title={base ? t('webhook.edit_title') : t('webhook.create')}
      form={form}
      initialValues={base ? valuesOf(base) : { ...EMPTY_WEBHOOK, api_client_id: eligible[0]?.id }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending || edit.isPending}
      error={problem.error}
      testId="webhook-form"
      width={640}
    >
      {base ? (
        <Form.Item label={t('webhook.client')}>
          <Typography.Text data-testid="webhook-form-client">{owner?.name ?? `#${base.api_client_id}`}</Typography.Text>
        </Form.Item>
      ) : eligible.length === 0 ? (
        <Alert type="info" showIcon message={t('webhook.no_client')} style={{ marginBottom: 16 }} />
      ) : (
        <Form.Item
          label={t('webhook.client')}
          name="api_client_id"
          extra={t('webhook.client_hint')}
          rules={[{ required: true, message: t('form.select', { label: t('webhook.client') }) }]}
        >
          <Select
            data-testid="webhook-client"
            options={eligible.map((c) => ({ value: c.id, label: `${c.name}（${c.client_id}）` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t('webhook.url')}
        name="url"
        extra={t('webhook.url_hint')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('webhook.url') }) },
          { max: 500, message: t('form.max_length', { label: t('webhook.url'), max: 500 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={500} placeholder="https://hooks.example.cn/kehou" inputMode="url" />
      </Form.Item>
      <Form.Item label={t('webhook.event_types')} name="event_types" extra={t('webhook.event_types_hint')}>
        <Checkbox.Group style={{ width: '100%' }} data-testid="webhook-event-types">
          <Flex wrap gap="4px 16px">
            {EVENT_TYPES.map((type) => (
              <Checkbox key={type} value={type} style={{ minWidth: 160 }} data-event-type={type}>
                {eventTypeLabel(t, type)}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        label={t('webhook.description')}
        name="description"
        rules={[{ max: 200, message: t('form.max_length', { label: t('webhook.description'), max: 200 }) }]}
      >
        <Input autoComplete="off" maxLength={200} placeholder={t('webhook.description_placeholder')} />
      </Form.Item>
    </FormModal>
  );
}
