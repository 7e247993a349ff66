import { useQueries } from '@tanstack/react-query';
import { useServicePlans } from '@/api/service-plans';
import { useServiceRequests } from '@/api/service-requests';
import { studentQueryOptions } from '@/api/students';
import type { SchoolId, Term } from '@/api/types';
import { ServiceRequestsList } from '@/features/service-requests/components/service-requests-list';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';
import { TermPage } from './term-page';

/** The requests of a term, with the students and offerings they name. */
function RequestsOfTerm({ schoolId, term, canReview }: { schoolId: SchoolId; term: Term; canReview: boolean }) {
  const view = useServiceRequests(schoolId, term.id);
  const ids = [...new Set(view.requests.map((r) => r.student_id))];
  const students = useQueries({
    queries: ids.map((id) => ({ ...studentQueryOptions(schoolId, id), staleTime: 60_000 })),
  });
  const plans = useServicePlans(schoolId, term.id);
  const byId = new Map(students.flatMap((s) => (s.data ? [[s.data.id, s.data.name] as const] : [])));
  const offerings = new Map((plans.data?.items ?? []).flatMap((p) => p.offerings.map((o) => [o.id, o.name] as const)));
  const names = { student: (id: number) => byId.get(id), offering: (id: number) => offerings.get(id) };
  return <ServiceRequestsList schoolId={schoolId} view={view} names={names} canReview={canReview} />;
}

/** 延时/临时申请: day registrations and special late service, for the admins to approve. */
export function ServiceRequestsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <TermPage title={t('menu.service_requests')} testId="service-requests-page">
      {(term) => <RequestsOfTerm schoolId={schoolId} term={term} canReview={access.reviewServiceRequests} />}
    </TermPage>
  );
}
