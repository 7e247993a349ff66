import { Page } from '@/components/page';
import { CreateHomeroomButton } from '@/features/homerooms/components/create-homeroom-button';
import { HomeroomsList } from '@/features/homerooms/components/homerooms-list';
import { useStaffNames } from '@/features/staff/api/get-staff';
import { StaffSelect } from '@/features/staff/components/staff-select';
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
    <Page
      title={t('menu.homerooms')}
      testId="homerooms-page"
      extra={
        access.editRoster ? (
          <CreateHomeroomButton
            schoolId={schoolId}
            renderTeacherField={
              access.viewStaff ? () => <StaffSelect schoolId={schoolId} testId="homeroom-form-teacher" /> : undefined
            }
          />
        ) : undefined
      }
    >
      <HomeroomsList schoolId={schoolId} teacherName={staffName} />
    </Page>
  );
}
