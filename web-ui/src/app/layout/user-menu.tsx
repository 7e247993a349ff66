import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useLogout } from '@/features/auth/api/logout';
import { useMe } from '@/lib/auth';
import { useT } from '@/lib/i18n';

export function UserMenu() {
  const t = useT();
  const { data: me } = useMe();
  const logout = useLogout();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('layout.logout')}</span>,
            onClick: () => logout.mutate(),
          },
        ],
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu" loading={logout.isPending}>
        <span className="kehou-hide-narrow">{me?.display_name ?? me?.username}</span>
      </Button>
    </Dropdown>
  );
}
