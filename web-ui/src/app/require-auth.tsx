import { Button, Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '@/components/full-page-spin';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useLogout } from '@/features/auth/api/logout';
import { useMe, useSignedIn } from '@/lib/auth';
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

/** Staff pages behind sign-in: redirects to /login (keeping where the user was going), loads /me. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const t = useT();
  const signedIn = useSignedIn();
  const location = useLocation();
  const me = useMe();

  if (!signedIn) {
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
