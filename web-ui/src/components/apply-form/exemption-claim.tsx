import { Flex, Form, Input, Radio, Switch } from 'antd';
import { useT } from '@/lib/i18n';
import { exemptionLabel } from '@/lib/service-labels';
import { ApplySection } from './apply-section';

/**
 * 减免申请: an optional fee-exemption claim — once switched on, one of the plan's categories and
 * a note (required, up to 500 characters) for the school to check.
 */
export function ExemptionClaim({ categories }: { categories: readonly string[] }) {
  const t = useT();
  const claim = Form.useWatch('claim_exemption') as boolean | undefined;
  return (
    <ApplySection title={t('portal.step_exemption')}>
      <Form.Item name="claim_exemption" valuePropName="checked" label={t('portal.claim_exemption')}>
        <Switch data-testid="portal-exemption-switch" />
      </Form.Item>
      {claim ? (
        <>
          <Form.Item
            name="exemption_category"
            label={t('portal.exemption_category')}
            rules={[{ required: true, message: t('form.select', { label: t('portal.exemption_category') }) }]}
          >
            <Radio.Group>
              <Flex vertical gap={8}>
                {categories.map((c) => (
                  <Radio key={c} value={c}>
                    {exemptionLabel(t, c)}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="exemption_note"
            label={t('portal.exemption_note')}
            extra={t('portal.exemption_note_hint')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('form.required', { label: t('portal.exemption_note') }),
              },
              { max: 500, message: t('form.max_length', { label: t('portal.exemption_note'), max: 500 }) },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      ) : null}
    </ApplySection>
  );
}
