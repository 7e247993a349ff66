import { ExportApprovedButton } from '@/features/applications/components/export-approved-button';
import { ReviewQueue } from '@/features/applications/components/review-queue';
import { HomeroomSelect } from '@/features/homerooms/components/homeroom-select';
import { useStaffNamesByUser } from '@/features/staff/api/get-staff';
import { PickupPersonNames } from '@/features/students/components/pickup-person-names';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { TermPage } from './term-page';

/**
 * 报名审核: a homeroom teacher opens on what waits for the class review, an admin on what waits
 * for the school review.
 */
export function ReviewRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  const staffName = useStaffNamesByUser(schoolId, access.viewStaff);
  return (
    <TermPage
      title={t('menu.review')}
      testId="review-page"
      actions={(term) => (access.schoolReview ? <ExportApprovedButton schoolId={schoolId} termId={term.id} /> : null)}
    >
      {(term) => (
        <ReviewQueue
          schoolId={schoolId}
          termId={term.id}
          canClassReview={access.reviewApplications}
          canSchoolReview={access.schoolReview}
          defaultStatus={access.schoolReview ? 'class_approved' : 'submitted'}
          renderHomeroomFilter={(props) => <HomeroomSelect schoolId={schoolId} grade={undefined} {...props} />}
          actorName={access.viewStaff ? staffName : undefined}
          renderPickupPersons={
            access.viewGuardians
              ? (studentId, ids) => <PickupPersonNames schoolId={schoolId} studentId={studentId} ids={ids} />
              : undefined
          }
        />
      )}
    </TermPage>
  );
}
