import { InformedReport } from '@/features/applications/components/informed-report';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { useLedHomeroomIds } from './led-homerooms';
import { TermPage } from './term-page';

/** 知晓情况: a homeroom teacher opens on their own class, admins on the classes with gaps. */
export function InformedRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  const own = useLedHomeroomIds(schoolId, access.recordPaperReceipt && !access.schoolReview);
  return (
    <TermPage title={t('menu.informed')} testId="informed-page">
      {(term) => (
        <InformedReport
          key={own ? 'own' : 'all'}
          schoolId={schoolId}
          termId={term.id}
          canRecordPaper={access.recordPaperReceipt}
          ownHomeroomIds={own}
        />
      )}
    </TermPage>
  );
}
