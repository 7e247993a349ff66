import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { DemoNotice } from './demo-notice';

type AuthCardProps = {
  /** The card's data-testid, e.g. `login-page`. */
  testId: string;
  /** Rendered in the card's corner, e.g. the language switch. */
  extra?: ReactNode;
  title: string;
  subtitle: string;
  children: ReactNode;
};

/**
 * The signed-out shell shared by 登录 and 家长激活: one centred card with the app's name in its
 * header, the demo-data notice when the server holds the demo school, a page title and
 * subtitle; the page's alert, form and links go below.
 */
export function AuthCard({ testId, extra, title, subtitle, children }: AuthCardProps) {
  const t = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f4f2' }}>
      <Card
        style={{ width: '100%', maxWidth: 400 }}
        data-testid={testId}
        extra={extra}
        title={<Typography.Text strong>{t('app.name')}</Typography.Text>}
      >
        <DemoNotice />
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
        {children}
      </Card>
    </Flex>
  );
}
