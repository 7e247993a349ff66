import { Page } from '@/components/page';
import { HomeroomsList } from '@/features/homerooms/components/homerooms-list';
import { useStaffNames } from '@/features/staff/api/get-staff';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function HomeroomsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  // Teachers' names come from the staff list, which only some roles may read.
  const staffName = useStaffNames(schoolId, access.viewStaff);
  return (
    <Page title={t('menu.homerooms')} testId="homerooms-page">
      <HomeroomsList schoolId={schoolId} teacherName={staffName} />
    </Page>
  );
}
