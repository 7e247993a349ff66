import { useLocation, useParams } from 'react-router';
import { ApplicationEdit } from '@/features/portal/components/application-edit';
import { ApplicationReceipt } from '@/features/portal/components/application-receipt';
import { ApplyForm } from '@/features/portal/components/apply-form';
import { ChildPage } from '@/features/portal/components/child-page';
import { ChildrenList } from '@/features/portal/components/children-list';
import { RequestForm } from '@/features/portal/components/request-form';

/** Path ids are numbers; anything else finds no child (and the page says so). */
function useId(name: string): number {
  const value = useParams()[name];
  return value && /^\d+$/.test(value) ? Number(value) : -1;
}

export function PortalHomeRoute() {
  return <ChildrenList />;
}

export function PortalChildRoute() {
  const studentId = useId('studentId');
  return <ChildPage key={studentId} studentId={studentId} />;
}

export function PortalApplyRoute() {
  const studentId = useId('studentId');
  return <ApplyForm key={studentId} studentId={studentId} />;
}

export function PortalApplicationRoute() {
  const studentId = useId('studentId');
  const applicationId = useId('applicationId');
  const state = useLocation().state as { submitted?: boolean } | null;
  return (
    <ApplicationReceipt
      key={applicationId}
      studentId={studentId}
      applicationId={applicationId}
      justSubmitted={state?.submitted === true}
    />
  );
}

export function PortalEditRoute() {
  const studentId = useId('studentId');
  const applicationId = useId('applicationId');
  return <ApplicationEdit key={applicationId} studentId={studentId} applicationId={applicationId} />;
}

export function PortalRequestRoute() {
  const studentId = useId('studentId');
  return <RequestForm key={studentId} studentId={studentId} />;
}
