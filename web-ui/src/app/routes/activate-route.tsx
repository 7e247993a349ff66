import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { ActivatePage } from '@/features/auth/components/activate-page';
import { LocaleSwitch } from '../layout/locale-switch';

export function ActivateRoute() {
  const navigate = useNavigate();
  return <ActivatePage extra={<LocaleSwitch />} onActivated={() => void navigate(paths.portal, { replace: true })} />;
}
