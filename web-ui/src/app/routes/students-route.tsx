import { Page } from '@/components/page';
import { HomeroomSelect } from '@/features/homerooms/components/homeroom-select';
import { ExportStudentsButton } from '@/features/students/components/export-students-button';
import { StudentsList } from '@/features/students/components/students-list';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function StudentsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <Page
      title={t('menu.students')}
      testId="students-page"
      extra={access.exportRoster ? <ExportStudentsButton schoolId={schoolId} /> : undefined}
    >
      <StudentsList
        key={schoolId}
        schoolId={schoolId}
        showContacts={access.viewGuardians}
        renderHomeroomFilter={
          access.viewHomerooms ? (props) => <HomeroomSelect schoolId={schoolId} {...props} /> : undefined
        }
      />
    </Page>
  );
}
