import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '@/api/problem';
import { tokenStore } from '@/api/token-store';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useSession } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useLogin, type Credentials } from '../api/login';
import { AuthCard } from './auth-card';

type LoginPageProps = {
  /** Rendered in the card's corner, e.g. the language switch. */
  extra?: ReactNode;
  onSignedIn: () => void;
};

export function LoginPage({ extra, onSignedIn }: LoginPageProps) {
  const t = useT();
  const [form] = Form.useForm<Credentials>();
  const login = useLogin();
  const session = useSession();

  const submit = (values: Credentials) => {
    login.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => {
        // Validation problems name their fields; show those next to the inputs.
        if (error instanceof ApiError && error.problem.errors?.length) {
          form.setFields(
            error.problem.errors
              .filter((e) => e.field === 'username' || e.field === 'password')
              .map((e) => ({ name: e.field as keyof Credentials, errors: [e.message] })),
          );
        }
      },
    });
  };

  return (
    <AuthCard testId="login-page" extra={extra} title={t('auth.title')} subtitle={t('auth.subtitle')}>
      {session.unreachable && !login.error && (
        <Alert
          type="warning"
          showIcon
          data-testid="session-unreachable"
          message={t('auth.session_unreachable')}
          action={
            <Button size="small" onClick={() => tokenStore.retry()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <ProblemAlert error={login.error} testId="login-error" />
      <Form
        form={form}
        name="login"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        disabled={login.isPending}
      >
        <Form.Item
          label={t('auth.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('auth.username_required') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            size="large"
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          label={t('auth.password')}
          name="password"
          rules={[{ required: true, message: t('auth.password_required') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            size="large"
            data-testid="login-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('auth.submit')}
        </Button>
      </Form>
      <Flex justify="center" vertical align="center" style={{ marginTop: 16 }}>
        <Link to={paths.activate} data-testid="login-activate">
          {t('auth.guardian_activate')}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: 4, textAlign: 'center' }}>
          {t('auth.guardian_hint')}
        </Typography.Text>
      </Flex>
    </AuthCard>
  );
}
