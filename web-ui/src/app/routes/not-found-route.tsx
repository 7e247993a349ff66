import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';

export function NotFoundRoute() {
  const t = useT();
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title="404"
        subTitle={t('common.not_found')}

        extra={
          <Link to={paths.home}>
            <Button type="primary">{t('common.back_home')}</Button>
          </Link>
        }
      />
    </div>
  );
}
