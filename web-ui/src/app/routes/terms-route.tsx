import { Page } from '@/components/page';
import { TermsList } from '@/features/terms/components/terms-list';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function TermsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  return (
    <Page title={t('menu.terms')} testId="terms-page">
      <TermsList schoolId={schoolId} />
    </Page>
  );
}
