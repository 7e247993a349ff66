import { ServicePlans } from '@/features/service-plans/components/service-plans';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { TermPage } from './term-page';

export function PlansRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <TermPage title={t('menu.plans')} testId="plans-page">
      {(term) => <ServicePlans schoolId={schoolId} term={term} canEdit={access.editPlans} />}
    </TermPage>
  );
}
