import { TextsList } from '@/features/plan-texts/components/texts-list';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { TermPage } from './term-page';

export function TextsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <TermPage title={t('menu.texts')} testId="texts-page">
      {(term) => <TextsList schoolId={schoolId} term={term} canEdit={access.manageTexts} />}
    </TermPage>
  );
}
