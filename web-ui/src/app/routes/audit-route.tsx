import { Page } from '@/components/page';
import { AuditLog } from '@/features/audit/components/audit-log';
import { useStaffNamesByUser } from '@/features/staff/api/get-staff';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function AuditRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  // Who acted: staff names by login, for roles that may list staff.
  const userName = useStaffNamesByUser(schoolId, access.viewStaff);
  return (
    <Page title={t('audit.title')} testId="audit-page">
      <AuditLog key={schoolId} schoolId={schoolId} userName={userName} />
    </Page>
  );
}
