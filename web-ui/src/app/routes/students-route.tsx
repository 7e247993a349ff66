import { Page } from '@/components/page';
import { HomeroomSelect } from '@/features/homerooms/components/homeroom-select';
import { CreateStudentButton } from '@/features/students/components/create-student-button';
import { ExportStudentsButton } from '@/features/students/components/export-students-button';
import type { HomeroomFieldRenderer } from '@/features/students/components/student-form-modal';
import { StudentsList } from '@/features/students/components/students-list';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function StudentsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  // The student form picks a homeroom of the chosen grade; Form.Item injects value and onChange.
  const homeroomField: HomeroomFieldRenderer | undefined = access.editRoster
    ? (props) => (
        <HomeroomSelect schoolId={schoolId} style={{ width: '100%' }} testId="student-form-homeroom" {...props} />
      )
    : undefined;
  return (
    <Page
      title={t('menu.students')}
      testId="students-page"
      extra={
        <>
          {access.exportRoster && <ExportStudentsButton schoolId={schoolId} />}
          {homeroomField && <CreateStudentButton schoolId={schoolId} renderHomeroomField={homeroomField} />}
        </>
      }
    >
      <StudentsList
        key={schoolId}
        schoolId={schoolId}
        showContacts={access.viewGuardians}
        renderHomeroomFilter={
          access.viewHomerooms ? (props) => <HomeroomSelect schoolId={schoolId} {...props} /> : undefined
        }
        renderHomeroomField={homeroomField}
      />
    </Page>
  );
}
