import { Result } from 'antd';
import { Navigate } from 'react-router';
import { useAccess } from '@/lib/authorization';
import { useCurrentSchool } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { appRoutes } from '../route-table';

/** `/` opens the first page the user may see. */
export function HomeRoute() {
  const t = useT();
  const access = useAccess();
  const { schoolId } = useCurrentSchool();
  const first = appRoutes.find((route) => access[route.permission]);
  if (first) return <Navigate to={first.path} replace />;
  return (
    <div data-testid="home-empty">
      <Result status="info" title={schoolId === null ? t('common.no_school') : t('common.forbidden')} />
    </div>
  );
}
