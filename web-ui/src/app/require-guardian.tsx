import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpin } from '@/components/full-page-spin';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { useLogout } from '@/features/auth/api/logout';
import { useMe, useSession } from '@/lib/auth';
import { useT } from '@/lib/i18n';

/** The guardian portal: signed in as a guardian (staff go to their own pages). */
export function RequireGuardian({ children }: { children: ReactNode }) {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const me = useMe();
  const logout = useLogout();

  // Until the refresh cookie has been asked (a reload), nobody is sent to the login page.
  if (session.status === 'unknown') return <FullPageSpin />;
  if (session.status === 'signed_out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`${paths.login}?next=${next}`} replace />;
  }
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Flex vertical align="center" style={{ padding: 24 }}>
        <ProblemAlert error={me.error} onRetry={() => me.refetch()} testId="me-error" />
        <Button onClick={() => logout.mutate()} loading={logout.isPending}>
          {t('layout.logout')}
        </Button>
      </Flex>
    );
  }
  if (me.data.kind !== 'guardian') return <Navigate to={paths.home} replace />;
  return <>{children}</>;
}
