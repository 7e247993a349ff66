import { Button, Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '@/components/full-page-spin';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useLogout } from '@/features/auth/api/logout';
import { useMe, useSession } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { SchoolProvider } from '@/lib/school-provider';

function LogoutButton() {
  const t = useT();
  const logout = useLogout();
  return (
    <Button onClick={() => logout.mutate()} loading={logout.isPending} data-testid="logout">
      {t('layout.logout')}
    </Button>
  );
}

/**
 * Staff pages behind sign-in: a spinner while the session is unknown, else redirects to /login
 * (keeping where the user was going) when signed out; loads /me.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const me = useMe();

  // Until the refresh cookie has been asked (a reload), nobody is sent to the login page.
  if (session.status === 'unknown') return <FullPageSpin />;
  if (session.status === 'signed_out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`${paths.login}?next=${next}`} replace />;
  }
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Flex vertical align="center" style={{ padding: 48 }}>
        <ProblemAlert error={me.error} onRetry={() => me.refetch()} testId="me-error" />
        <LogoutButton />
      </Flex>
    );
  }
  // Guardians have their own portal (mobile-first); API clients have no UI.
  if (me.data.kind === 'guardian') return <Navigate to={paths.portal} replace />;
  if (me.data.kind !== 'staff') {
    return <Result status="info" title={t('common.guardian_unsupported')} extra={<LogoutButton />} />;
  }
  return <SchoolProvider me={me.data}>{children}</SchoolProvider>;
}
