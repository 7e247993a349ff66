import { Alert } from 'antd';
import { Page } from '@/components/page';
import { SchoolsList } from '@/features/schools/components/schools-list';
import { useMe } from '@/lib/auth';
import { useAccess } from '@/lib/authorization';
import { useT } from '@/lib/i18n';

/**
 * 学校 (district admins and viewers): the district's schools with their figures; admins add,
 * edit and invite admins. District data: the school chosen in the header does not change it.
 */
export function DistrictSchoolsRoute() {
  const t = useT();
  const { data: me } = useMe();
  const access = useAccess();
  const districtId = me?.district_id;
  return (
    <Page title={t('menu.district_schools')} testId="district-schools-page">
      {districtId == null ? (
        <Alert type="warning" showIcon message={t('common.forbidden')} />
      ) : (
        <SchoolsList districtId={districtId} canManage={access.isDistrictAdmin} />
      )}
    </Page>
  );
}
