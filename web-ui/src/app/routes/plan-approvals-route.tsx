import { Page } from '@/components/page';
import { useTermPicker } from '@/features/terms/api/get-terms';
import { PlanApprovals } from '@/features/service-plans/components/plan-approvals';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

/** 方案审批: the district admin picks a school in the header and decides on its submitted plans. */
export function PlanApprovalsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const terms = useTermPicker(schoolId);
  const termName = (termId: number) =>
    terms.data?.items.find((term) => term.id === termId)?.name ?? t('term.numbered', { id: termId });
  return (
    <Page title={t('menu.plan_approvals')} testId="plan-approvals-page">
      <PlanApprovals key={schoolId} schoolId={schoolId} termName={termName} />
    </Page>
  );
}
