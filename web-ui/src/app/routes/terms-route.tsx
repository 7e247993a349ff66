import { Page } from '@/components/page';
import { CreateTermButton } from '@/features/terms/components/create-term-button';
import { TermsList } from '@/features/terms/components/terms-list';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function TermsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <Page
      title={t('menu.terms')}
      testId="terms-page"
      extra={access.editRoster ? <CreateTermButton schoolId={schoolId} /> : undefined}
    >
      <TermsList schoolId={schoolId} canEdit={access.editRoster} />
    </Page>
  );
}
