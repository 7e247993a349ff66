import { LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Typography } from 'antd';
import { Outlet } from 'react-router';
import { useLogout } from '@/features/auth/api/logout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { useT } from '@/lib/i18n';
import { LocaleSwitch } from './locale-switch';

/**
 * The guardian portal's frame, phone first (375 px): a slim header with the language switch and
 * 退出, and one column of at most 560 px (a tablet or desktop shows the same column, centred).
 */
export function PortalLayout() {
  const t = useT();
  const logout = useLogout();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f6f4' }} data-testid="portal-layout">
      <Layout.Header
        style={{
          background: '#1f7a5c',
          padding: '0 12px',
          height: 48,
          lineHeight: '48px',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
        className="kehou-no-print"
      >
        <Flex align="center" gap="small" style={{ height: '100%', maxWidth: 560, margin: '0 auto' }}>
          <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: 16, flex: 1, minWidth: 0 }}>
            {t('portal.app_name')}
          </Typography.Text>
          <LocaleSwitch />
          <NotificationBell style={{ color: '#fff' }} />
          <Button
            type="text"
            size="small"
            icon={<LogoutOutlined />}
            style={{ color: '#fff' }}
            onClick={() => logout.mutate()}
            loading={logout.isPending}
            data-testid="portal-logout"
          >
            {t('layout.logout')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}
