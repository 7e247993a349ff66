import { Alert } from 'antd';
import { Page } from '@/components/page';
import { DistrictStaffList } from '@/features/district-staff/components/district-staff-list';
import { useMe } from '@/lib/auth';
import { useAccess } from '@/lib/authorization';
import { useT } from '@/lib/i18n';

/** 区级人员 (district admins): the district office's accounts, their roles and logins. */
export function DistrictStaffRoute() {
  const t = useT();
  const { data: me } = useMe();
  const access = useAccess();
  const districtId = me?.district_id;
  return (
    <Page title={t('menu.district_staff')} testId="district-staff-page">
      {districtId == null ? (
        <Alert type="warning" showIcon message={t('common.forbidden')} />
      ) : (
        <DistrictStaffList districtId={districtId} canManage={access.isDistrictAdmin} selfUsername={me?.username} />
      )}
    </Page>
  );
}
