import { useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { ImportWizard } from '@/features/imports/components/import-wizard';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function ImportsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const navigate = useNavigate();
  return (
    <Page title={t('import.title')} testId="imports-page">
      <ImportWizard key={schoolId} schoolId={schoolId} onViewStudents={() => void navigate(paths.students)} />
    </Page>
  );
}
