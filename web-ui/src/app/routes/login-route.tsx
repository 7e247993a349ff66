import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { FullPageSpin } from '@/components/full-page-spin';
import { paths } from '@/config/paths';
import { LoginPage } from '@/features/auth/components/login-page';
import { useSession } from '@/lib/auth';
import { LocaleSwitch } from '../layout/locale-switch';

/** Only same-app paths are accepted as `?next=`, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home;
}

export function LoginRoute() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // A reload of /login with a good refresh cookie goes straight on.
  if (session.status === 'unknown') return <FullPageSpin />;
  if (session.status === 'signed_in') return <Navigate to={next} replace />;
  return <LoginPage extra={<LocaleSwitch />} onSignedIn={() => void navigate(next, { replace: true })} />;
}
