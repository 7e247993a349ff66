import { Page } from '@/components/page';
import { CreateStaffButton } from '@/features/staff/components/create-staff-button';
import { StaffList } from '@/features/staff/components/staff-list';
import { useMe } from '@/lib/auth';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function StaffRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  const { data: me } = useMe();
  return (
    <Page
      title={t('menu.staff')}
      testId="staff-page"
      extra={access.manageStaff ? <CreateStaffButton schoolId={schoolId} /> : undefined}
    >
      <StaffList schoolId={schoolId} canManage={access.manageStaff} selfUserId={me?.user_id} />
    </Page>
  );
}
