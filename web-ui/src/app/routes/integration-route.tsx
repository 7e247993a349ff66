import { Alert, Divider } from 'antd';
import { Page } from '@/components/page';
import { ApiClientsList } from '@/features/api-clients/components/api-clients-list';
import { WebhooksList } from '@/features/webhooks/components/webhooks-list';
import { useMe } from '@/lib/auth';
import { useT } from '@/lib/i18n';

/**
 * 接口与推送 (district admins): the district's API clients, then its webhook endpoints, which
 * name their client from the same list. District data: the school chosen in the header does
 * not change it.
 */
export function IntegrationRoute() {
  const t = useT();
  const { data: me } = useMe();
  const districtId = me?.district_id;
  return (
    <Page title={t('integration.title')} testId="integration-page">
      {districtId == null ? (
        <Alert type="warning" showIcon message={t('common.forbidden')} />
      ) : (
        <>
          <ApiClientsList districtId={districtId} />
          <Divider />
          <WebhooksList districtId={districtId} />
        </>
      )}
    </Page>
  );
}
