import { Flex, Tag, Typography } from 'antd';
import type { AppliedOffering } from '@/api/types';
import { useT } from '@/lib/i18n';
import { offeringKindLabel, placementColor, placementLabel, weekdaysText } from '@/lib/service-labels';

/**
 * The offerings of an application, each with its days and where the child stands: enrolled,
 * or waiting behind a school-set cap with a visible place in the queue (候补第 N 位).
 */
export function AppliedOfferings({ offerings, compact = false }: { offerings: AppliedOffering[]; compact?: boolean }) {
  const t = useT();
  if (compact) {
    return (
      <Flex wrap gap={4}>
        {offerings.map((o) => (
          <Tag key={o.offering_id} color={placementColor(o.placement)} style={{ marginInlineEnd: 0 }}>
            {o.name}
            {o.placement !== 'enrolled' ? `（${placementLabel(t, o.placement, o.queue_position)}）` : ''}
          </Tag>
        ))}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={8} data-testid="applied-offerings">
      {offerings.map((o) => (
        <Flex key={o.offering_id} justify="space-between" align="center" gap={8} wrap data-testid="applied-offering">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{o.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {offeringKindLabel(t, o.kind) === o.name ? '' : `${offeringKindLabel(t, o.kind)} · `}
              {weekdaysText(t, o.weekdays)}
            </Typography.Text>
          </div>
          <Tag color={placementColor(o.placement)} data-testid="placement" style={{ marginInlineEnd: 0 }}>
            {placementLabel(t, o.placement, o.queue_position)}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}
