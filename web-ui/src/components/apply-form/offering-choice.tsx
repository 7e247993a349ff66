import { Card, Checkbox, Form, Tag, Typography } from 'antd';
import type { Offering } from '@/api/types';
import type { ApplyValues } from '@/lib/apply-values';
import { useT } from '@/lib/i18n';
import { timeFor } from '@/lib/offering-time';
import { offeringKindLabel, weekdayLabel, weekdaysText } from '@/lib/service-labels';

/**
 * One offering on the apply form: a checkbox with its kind, days, time for the grade and seats
 * left; once ticked, the weekdays the child attends (all of the offering's days to start with).
 */
export function OfferingChoice({ offering, grade }: { offering: Offering; grade: number }) {
  const t = useT();
  const full = offering.cap != null && offering.taken >= offering.cap;
  const name = ['choices', String(offering.id)];
  return (
    <Card size="small" data-testid="portal-offering" data-offering-id={offering.id}>
      <Form.Item name={[...name, 'selected']} valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox data-testid="portal-offering-check">
          <Typography.Text strong>{offering.name}</Typography.Text>
        </Checkbox>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px', fontSize: 13 }}>
        {offeringKindLabel(t, offering.kind) === offering.name ? '' : `${offeringKindLabel(t, offering.kind)} · `}
        {weekdaysText(t, offering.weekdays)} {timeFor(offering, grade)}
        {offering.cap != null ? (
          <Tag color={full ? 'gold' : 'default'} style={{ marginInlineStart: 8 }}>
            {full
              ? offering.waiting > 0
                ? t('portal.offering_full_queue', { cap: offering.cap, waiting: offering.waiting })
                : t('portal.offering_full', { cap: offering.cap })
              : t('portal.offering_seats', { left: offering.cap - offering.taken, cap: offering.cap })}
          </Tag>
        ) : null}
      </Typography.Paragraph>
      <Form.Item
        noStyle
        shouldUpdate={(a, b) => (a as ApplyValues).choices?.[offering.id] !== (b as ApplyValues).choices?.[offering.id]}
      >
        {({ getFieldValue }) =>
          getFieldValue([...name, 'selected']) ? (
            <Form.Item
              name={[...name, 'weekdays']}
              label={t('portal.weekdays')}
              style={{ margin: '8px 0 0 24px' }}
              rules={[{ required: true, type: 'array', min: 1, message: t('portal.weekdays_required') }]}
            >
              <Checkbox.Group
                data-testid="portal-offering-weekdays"
                options={offering.weekdays.map((d) => ({ value: d, label: weekdayLabel(t, d) }))}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </Card>
  );
}
