import { KeyOutlined, LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useActivate } from '../api/activate';
import { AuthCard } from './auth-card';

type Values = { phone: string; code: string; password: string; confirm: string };

const MAPPING: ProblemMapping = {
  fields: ['phone', 'code', 'password'],
  // The phone number has an account already (a child at another school): its password, not a new one.
  codeFields: { 'auth.confirm_existing_account': 'password' },
};

type ActivatePageProps = {
  /** Rendered in the card's corner, e.g. the language switch. */
  extra?: ReactNode;
  onActivated: () => void;
};

/**
 * 家长首次登录/激活: the phone number the school has on file, the 8-digit code the school gave
 * (on paper or by SMS) and a new password. Afterwards the phone number is the user name.
 */
export function ActivatePage({ extra, onActivated }: ActivatePageProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const activate = useActivate();

  const submit = (values: Values) => {
    problem.clear();
    activate.mutate(
      { phone: values.phone.trim(), code: values.code.trim(), password: values.password },
      { onSuccess: onActivated, onError: problem.show },
    );
  };

  return (
    <AuthCard testId="activate-page" extra={extra} title={t('activate.title')} subtitle={t('activate.subtitle')}>
      <ProblemAlert error={problem.error} testId="activate-error" />
      <Form<Values>
        form={form}
        name="activate"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        disabled={activate.isPending}
      >
        <Form.Item
          label={t('activate.phone')}
          name="phone"
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('activate.phone') }) },
            { pattern: /^\d{5,20}$/, message: t('form.phone_invalid') },
          ]}
        >
          <Input
            prefix={<MobileOutlined />}
            inputMode="tel"
            autoComplete="tel"
            size="large"
            maxLength={20}
            data-testid="activate-phone"
          />
        </Form.Item>
        <Form.Item
          label={t('activate.code')}
          name="code"
          extra={t('activate.code_hint')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('activate.code') }) },
            { pattern: /^\d{8}$/, message: t('activate.code_invalid') },
          ]}
        >
          <Input
            prefix={<KeyOutlined />}
            inputMode="numeric"
            autoComplete="one-time-code"
            size="large"
            maxLength={8}
            data-testid="activate-code"
          />
        </Form.Item>
        <Form.Item
          label={t('activate.password')}
          name="password"
          extra={t('activate.password_hint')}
          rules={[
            { required: true, message: t('form.required', { label: t('activate.password') }) },
            { min: 8, message: t('staff.password_min') },
            { max: 200, message: t('form.max_length', { label: t('activate.password'), max: 200 }) },
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            size="large"
            data-testid="activate-password"
          />
        </Form.Item>
        <Form.Item
          label={t('activate.confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('form.required', { label: t('activate.confirm') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('activate.mismatch'));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            size="large"
            data-testid="activate-confirm"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={activate.isPending}
          data-testid="activate-submit"
        >
          {t('activate.submit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Link to={paths.login}>{t('activate.back_to_login')}</Link>
      </Flex>
    </AuthCard>
  );
}
