/** Words for the event types a webhook endpoint subscribes to and for a delivery's status. */
import type { DeliveryStatus, EventType } from '@/api/types';
import type { Translate } from '@/lib/i18n';
import type { MessageKey } from '@/locales';

/** Every event type (the schema's `EventType`), in the API's order: `tsc` fails when one is missing. */
const EVENT_TYPE_KEYS = {
  'application.submitted': 'event_type.application.submitted',
  'application.class_reviewed': 'event_type.application.class_reviewed',
  'application.returned': 'event_type.application.returned',
  'application.approved': 'event_type.application.approved',
  'application.rejected': 'event_type.application.rejected',
  'application.withdrawn': 'event_type.application.withdrawn',
  'application.queue_moved': 'event_type.application.queue_moved',
  'notice.published': 'event_type.notice.published',
} as const satisfies Record<EventType, MessageKey>;

export const EVENT_TYPES = Object.keys(EVENT_TYPE_KEYS) as EventType[];

export function eventTypeLabel(t: Translate, type: string): string {
  return Object.hasOwn(EVENT_TYPE_KEYS, type) ? t(EVENT_TYPE_KEYS[type as EventType]) : type;
}

const STATUS: Record<DeliveryStatus, { key: MessageKey; color: string }> = {
  pending: { key: 'delivery.status.pending', color: 'processing' },
  succeeded: { key: 'delivery.status.succeeded', color: 'success' },
  failed: { key: 'delivery.status.failed', color: 'error' },
};

/** 待发送 / 成功 / 失败, with the tag colour. */
export function deliveryStatus(t: Translate, status: DeliveryStatus): { label: string; color: string } {
  const { key, color } = STATUS[status];
  return { label: t(key), color };
}
