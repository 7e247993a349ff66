import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { PageAccess } from '@/lib/access';
import { useAccess } from '@/lib/authorization';
import { useT } from '@/lib/i18n';

/** Shows the page only when the user's roles in the current school allow it. */
export function RequirePermission({ permission, children }: { permission: PageAccess; children: ReactNode }) {
  const t = useT();
  const access = useAccess();
  if (!access[permission]) {
    return (
      <div data-testid="forbidden">
        <Result status="403" title="403" subTitle={t('common.forbidden')} />
      </div>
    );
  }
  return <>{children}</>;
}
