import { Page } from '@/components/page';
import { StaffList } from '@/features/staff/components/staff-list';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function StaffRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  return (
    <Page title={t('menu.staff')} testId="staff-page">
      <StaffList schoolId={schoolId} />
    </Page>
  );
}
