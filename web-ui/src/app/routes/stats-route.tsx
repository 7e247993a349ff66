import { ApplicationStats } from '@/features/applications/components/application-stats';
import { ExportApprovedButton } from '@/features/applications/components/export-approved-button';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { TermPage } from './term-page';

export function StatsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <TermPage
      title={t('menu.application_stats')}
      testId="stats-page"
      actions={(term) => (access.schoolReview ? <ExportApprovedButton schoolId={schoolId} termId={term.id} /> : null)}
    >
      {(term) => <ApplicationStats schoolId={schoolId} termId={term.id} />}
    </TermPage>
  );
}
