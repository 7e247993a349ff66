import { useLocation, useNavigate } from 'react-router';
import { InvitationPage } from '@/features/auth/components/invitation-page';
import { codeFromHash } from '@/lib/invitation';
import { LocaleSwitch } from '../layout/locale-switch';

/** `/invitation#K7QM-3XPA-9TRD` (public): the code stays in the fragment, which is never sent to a server. */
export function InvitationRoute() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <InvitationPage
      initialCode={codeFromHash(location.hash)}
      onCode={(code) => void navigate({ hash: code ? `#${code}` : '' }, { replace: true })}
      extra={<LocaleSwitch />}
    />
  );
}
