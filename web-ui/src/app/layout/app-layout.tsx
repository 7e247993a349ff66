import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAccess } from '@/lib/authorization';
import { useT } from '@/lib/i18n';
import type { MessageKey } from '@/locales';
import { appRoutes } from '../route-table';
import { LocaleSwitch } from './locale-switch';
import { SchoolSwitcher } from './school-switcher';
import { UserMenu } from './user-menu';
import { NotificationBell } from '@/features/notifications/components/notification-bell';

type MenuItem = NonNullable<MenuProps['items']>[number];

/**
 * The signed-in frame: a side menu from the route table (only pages the user's roles allow),
 * and a header with the school switcher, the language switch and the user menu. The sider
 * collapses to icons below 992 px so tablets keep the content wide.
 */
export function AppLayout() {
  const t = useT();
  const access = useAccess();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 992);

  const items = useMemo<MenuItem[]>(() => {
    const groups = new Map<MessageKey, MenuItem[]>();
    for (const route of appRoutes) {
      if (!access[route.permission]) continue;
      const Icon = route.icon;
      const item: MenuItem = {
        key: route.path,
        icon: <Icon />,
        label: (
          <span data-testid={route.menuTestId ?? `menu-${route.path.split('/').pop() ?? ''}`}>{t(route.menuKey)}</span>
        ),
      };
      groups.set(route.group, [...(groups.get(route.group) ?? []), item]);
    }
    return [...groups].map(([group, children]) => ({
      type: 'group',
      key: group,
      label: t(group),
      children,
    }));
  }, [access, t]);

  const selected = appRoutes.find((r) => location.pathname.startsWith(r.path))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={208}
        collapsedWidth={64}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onBreakpoint={(broken) => setCollapsed(broken)}
        trigger={null}
        // The menu stays in view while a long list (students, staff) scrolls.
        style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        data-testid="sider"
      >
        <Flex align="center" justify="center" style={{ height: 56 }}>
          <Typography.Text strong style={{ fontSize: collapsed ? 16 : 18, color: '#1f7a5c' }}>
            {collapsed ? t('app.short_name') : t('app.name')}
          </Typography.Text>
        </Flex>
        <nav aria-label={t('app.name')}>
          <Menu
            mode="inline"
            data-testid="side-menu"
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => {
              // Tapping the page's own item again reloads its data (a tablet has no refresh key).
              if (key === location.pathname) void queryClient.invalidateQueries({ type: 'active' });
              else void navigate(key);
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 12px',
            height: 56,
            lineHeight: '56px',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap="small" style={{ height: '100%' }}>
            <Button
              type="text"
              aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
              data-testid="sider-toggle"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
            <div style={{ flex: 1 }} />
            <SchoolSwitcher />
            <LocaleSwitch />
            <NotificationBell />
            <UserMenu />
          </Flex>
        </Layout.Header>
        {/* Layout.Content renders the <main> landmark. */}
        <Layout.Content style={{ padding: 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
