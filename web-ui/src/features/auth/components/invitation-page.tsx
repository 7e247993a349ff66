import { KeyOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Result, Spin, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InvitationDetails } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { dateTime } from '@/lib/date-time';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { normaliseCode } from '@/lib/invitation';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitation } from '../api/lookup-invitation';
import { AuthCard } from './auth-card';

/** The API's minimum (422 `too_short` below it). */
export const MIN_PASSWORD = 12;

type PasswordValues = { password: string; confirm: string };

const PASSWORD_MAPPING: ProblemMapping = { fields: ['password'] };

type InvitationPageProps = {
  /** The code from the link's fragment ('' when the person opened the page without one). */
  initialCode: string;
  /** Keeps the code in the address (its fragment), so a reload does not lose it. */
  onCode: (code: string) => void;
  extra?: ReactNode;
};

/**
 * 开通登录账号: a staff member opens the invitation link (the code in its fragment) or types the
 * code, sees whose login it is, chooses a password (at least 12 characters) and then signs in
 * at /login. No sign-in is needed here.
 */
export function InvitationPage({ initialCode, onCode, extra }: InvitationPageProps) {
  const t = useT();
  const [code, setCode] = useState(initialCode);
  const navigate = useNavigate();
  const [accepted, setAccepted] = useState<string>();
  const lookup = useInvitation(code);
  const choose = (next: string) => {
    setCode(next);
    onCode(next);
  };

  let body: ReactNode;
  if (accepted !== undefined) {
    body = (
      <div data-testid="invitation-done">
        <Result
          status="success"
          title={t('accept.done_title')}
          subTitle={<span data-testid="invitation-done-text">{t('accept.done_text', { username: accepted })}</span>}
          extra={
            // A link (it is one: to the login page), drawn as the page's main button.
            <Button
              type="primary"
              size="large"
              href={paths.login}
              onClick={(e) => {
                e.preventDefault();
                void navigate(paths.login);
              }}
              data-testid="invitation-go-login"
            >
              {t('accept.go_login')}
            </Button>
          }
          style={{ padding: '16px 0' }}
        />
      </div>
    );
  } else if (code === '' || lookup.isError) {
    body = <CodeForm initial={code} error={lookup.error} onCode={choose} />;
  } else if (lookup.isPending) {
    body = (
      <Flex vertical align="center" gap="small" style={{ padding: 24 }} data-testid="invitation-looking-up">
        <Spin />
        <Typography.Text type="secondary">{t('accept.looking_up')}</Typography.Text>
      </Flex>
    );
  } else {
    body = (
      <PasswordForm
        code={code}
        details={lookup.data}
        onAccepted={(username) => {
          setAccepted(username);
          onCode('');
        }}
        onOtherCode={() => choose('')}
      />
    );
  }

  return (
    <AuthCard testId="invitation-page" extra={extra} title={t('accept.title')} subtitle={t('accept.subtitle')}>
      {body}
      {accepted === undefined ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Link to={paths.login}>{t('accept.back_to_login')}</Link>
        </Flex>
      ) : null}
    </AuthCard>
  );
}

/** The code typed in (or the one from the link, when it was refused). */
function CodeForm({ initial, error, onCode }: { initial: string; error: unknown; onCode: (code: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <>
      <ProblemAlert error={error} testId="invitation-lookup-error" />
      <Form<{ code: string }>
        form={form}
        name="invitation-code"
        layout="vertical"
        requiredMark={false}
        initialValues={{ code: initial }}
        onFinish={({ code }) => onCode(normaliseCode(code))}
        style={{ marginTop: error ? 16 : 0 }}
      >
        <Form.Item
          label={t('accept.code')}
          name="code"
          extra={t('accept.code_hint')}
          rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('accept.code') }) }]}
        >
          <Input
            prefix={<KeyOutlined />}
            size="large"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            data-testid="invitation-code-input"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" data-testid="invitation-lookup">
          {t('accept.lookup')}
        </Button>
      </Form>
    </>
  );
}

type PasswordFormProps = {
  code: string;
  details: InvitationDetails;
  onAccepted: (username: string) => void;
  onOtherCode: () => void;
};

/** 为 {name}（{username}）设置密码 — the school or district — then password and confirmation. */
function PasswordForm({ code, details, onAccepted, onOtherCode }: PasswordFormProps) {
  const t = useT();
  const [form] = Form.useForm<PasswordValues>();
  const problem = useFormProblem(form, PASSWORD_MAPPING);
  const accept = useAcceptInvitation();
  const submit = ({ password }: PasswordValues) => {
    problem.clear();
    accept.mutate({ code, password }, { onSuccess: (done) => onAccepted(done.username), onError: problem.show });
  };
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="invitation-for"
        message={t('accept.for', { display_name: details.display_name, username: details.username })}
        description={
          <Flex vertical gap={2}>
            <span data-testid="invitation-org">{details.school_name ?? details.district_name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('accept.expires', { at: dateTime(details.expires_at) })}
            </Typography.Text>
          </Flex>
        }
      />
      <ProblemAlert error={problem.error} testId="invitation-accept-error" />
      <Form<PasswordValues>
        form={form}
        name="invitation-password"
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        disabled={accept.isPending}
      >
        {/* For password managers: the login this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={details.username} readOnly hidden />
        <Form.Item
          label={t('accept.password')}
          name="password"
          extra={t('accept.password_hint')}
          rules={[
            { required: true, message: t('form.required', { label: t('accept.password') }) },
            { min: MIN_PASSWORD, message: t('accept.password_min') },
            { max: 200, message: t('form.max_length', { label: t('accept.password'), max: 200 }) },
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            size="large"
            data-testid="invitation-password"
          />
        </Form.Item>
        <Form.Item
          label={t('accept.confirm')}
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('form.required', { label: t('accept.confirm') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('accept.mismatch'));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="new-password"
            size="large"
            data-testid="invitation-confirm"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={accept.isPending}
          data-testid="invitation-submit"
        >
          {t('accept.submit')}
        </Button>
        <Flex justify="center" style={{ marginTop: 8 }}>
          <Button type="link" onClick={onOtherCode} data-testid="invitation-other-code">
            {t('accept.other_code')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
