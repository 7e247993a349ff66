import { Checkbox, Form, Typography } from 'antd';
import type { PlanText } from '@/api/types';
import { TextBody } from '@/components/text-body';
import { useT } from '@/lib/i18n';
import { shortSha } from '@/lib/service-labels';
import { ApplySection } from './apply-section';

/**
 * 协议: the full agreement with its version and SHA-256, and the box the family must tick
 * (我已阅读并同意; for staff applying on a family's behalf: 家长已阅读并签署纸质协议书) — the server
 * records exactly this version.
 */
export function AgreementAcceptance({ agreement, staff = false }: { agreement: PlanText; staff?: boolean }) {
  const t = useT();
  return (
    <ApplySection title={t('portal.step_agreement')} testId="portal-agreement">
      <div style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="portal-agreement-title">
          {agreement.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('text.version_no', { no: agreement.version_no })} · SHA-256 {shortSha(agreement.sha256)}
        </Typography.Text>
      </div>
      <TextBody body={agreement.body} maxHeight={320} testId="portal-agreement-body" />
      <Form.Item
        name="accept_agreement"
        valuePropName="checked"
        style={{ marginTop: 12 }}
        rules={[
          {
            validator: async (_, checked: boolean) => {
              if (!checked) throw new Error(t(staff ? 'portal.staff_accept_required' : 'portal.accept_required'));
              return Promise.resolve();
            },
          },
        ]}
      >
        <Checkbox data-testid="portal-accept">{t(staff ? 'portal.staff_accept' : 'portal.accept')}</Checkbox>
      </Form.Item>
    </ApplySection>
  );
}
