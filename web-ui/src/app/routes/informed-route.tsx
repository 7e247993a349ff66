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
  // A homeroom teacher (not an admin) records paper receipts for their own classes only.
  const teacherOnly = access.recordPaperReceipt && !access.schoolReview;
  const own = useLedHomeroomIds(schoolId, teacherOnly);
  return (
    <TermPage title={t('menu.informed')} testId="informed-page">
      {(term) => (
        <InformedReport
          key={own ? 'own' : 'all'}
          schoolId={schoolId}
          termId={term.id}
          canRecordPaper={access.recordPaperReceipt && (!teacherOnly || own !== undefined)}
          ownHomeroomIds={own}
          paperHomeroomIds={teacherOnly ? own : undefined}
        />
      )}
    </TermPage>
  );
}
