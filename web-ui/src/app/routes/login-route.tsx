import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { LoginPage } from '@/features/auth/components/login-page';
import { useSignedIn } from '@/lib/auth';
import { LocaleSwitch } from '../layout/locale-switch';

/** Only same-app paths are accepted as `?next=`, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home;
}

export function LoginRoute() {
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (signedIn) return <Navigate to={next} replace />;
  return <LoginPage extra={<LocaleSwitch />} onSignedIn={() => void navigate(next, { replace: true })} />;
}
