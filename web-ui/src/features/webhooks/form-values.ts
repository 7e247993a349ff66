/** The webhook endpoint form: its values, what create and edit send, and where problems land. */
import type { EventType, NewWebhookEndpoint, WebhookEndpoint, WebhookEndpointEdit } from '@/api/types';
import type { ProblemMapping } from '@/lib/form-problem';

export type WebhookValues = {
  api_client_id?: number;
  url: string;
  event_types: EventType[];
  description: string;
};

/**
 * Field names equal the request's: `url` (refused: not https, internal, credentials),
 * `event_types[1]`, `api_client_id` (not found, or without `events:read`), `description`.
 */
export const WEBHOOK_MAPPING: ProblemMapping = { fields: ['api_client_id', 'url', 'event_types', 'description'] };

export const EMPTY_WEBHOOK: WebhookValues = { url: '', event_types: [], description: '' };

export function valuesOf(endpoint: WebhookEndpoint): WebhookValues {
  return {
    api_client_id: endpoint.api_client_id,
    url: endpoint.url,
    event_types: [...endpoint.event_types],
    description: endpoint.description,
  };
}

/** What POST /webhooks gets (the form requires the client before it submits). */
export function createBody(values: WebhookValues): NewWebhookEndpoint {
  return {
    api_client_id: values.api_client_id ?? 0,
    url: values.url.trim(),
    event_types: values.event_types,
    description: values.description.trim(),
  };
}

const sameTypes = (a: readonly EventType[], b: readonly EventType[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The PATCH: only what changed against the version the user read (absent fields stay). */
export function editBody(base: WebhookEndpoint, values: WebhookValues): WebhookEndpointEdit {
  const body: WebhookEndpointEdit = {};
  const url = values.url.trim();
  const description = values.description.trim();
  if (url !== base.url) body.url = url;
  if (!sameTypes(values.event_types, base.event_types)) body.event_types = values.event_types;
  if (description !== base.description) body.description = description;
  return body;
}
