import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type {
  DistrictId,
  NewWebhookEndpoint,
  WebhookDeliveryId,
  WebhookEndpoint,
  WebhookEndpointEdit,
  WebhookEndpointId,
} from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { districtKey, invalidateDistrict } from '@/lib/query-keys';

/**
 * The district's webhook endpoints (推送地址) for its API clients, their delivery logs and
 * replays. The one owner of `/districts/{district_id}/webhooks` and everything under it.
 */
export function webhooksQueryOptions(districtId: DistrictId) {
  return queryOptions({
    queryKey: districtKey(districtId, 'webhooks', 'list'),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/districts/{district_id}/webhooks', {
            params: { path: { district_id: districtId }, query: page },
            signal,
          }),
        ),
      ),
  });
}

export function useWebhooks(districtId: DistrictId) {
  return useQuery(webhooksQueryOptions(districtId));
}

/** One endpoint as stored now (with its current version): what a form reloads after a 412. */
export function webhookQueryOptions(districtId: DistrictId, id: WebhookEndpointId) {
  return queryOptions({
    queryKey: districtKey(districtId, 'webhooks', 'one', id),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/districts/{district_id}/webhooks/{id}', {
          params: { path: { district_id: districtId, id } },
          signal,
        }),
      ),
  });
}

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export function useCreateWebhook(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWebhookEndpoint) =>
      unwrap(
        client.POST('/api/v1/districts/{district_id}/webhooks', {
          params: { path: { district_id: districtId } },
          body,
        }),
      ),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['webhooks']),
  });
}

/**
 * Changes an endpoint (URL, event types, description, disabled) as of the version the user read:
 * `If-Match`, 412 `precondition_failed` when someone changed it since.
 */
export function useEditWebhook(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      endpoint,
      body,
    }: {
      endpoint: Pick<WebhookEndpoint, 'id' | 'version'>;
      body: WebhookEndpointEdit;
    }) =>
      unwrap(
        client.PATCH('/api/v1/districts/{district_id}/webhooks/{id}', {
          params: { path: { district_id: districtId, id: endpoint.id } },
          // The spec does not declare the header on this operation, so it goes as a plain header.
          headers: ifMatch(endpoint.version),
          body,
        }),
      ),
    onSettled: () => invalidateDistrict(queryClient, districtId, ['webhooks']),
  });
}

/** A new signing secret (answered once); deliveries carry both signatures for `overlapSeconds`. */
export function useRotateWebhookSecret(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, overlapSeconds }: { id: WebhookEndpointId; overlapSeconds: number }) =>
      unwrap(
        client.POST('/api/v1/districts/{district_id}/webhooks/{id}/rotate-secret', {
          params: { path: { district_id: districtId, id } },
          body: { overlap_seconds: overlapSeconds },
        }),
      ),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['webhooks']),
  });
}

/** An endpoint's delivery log, newest first, a page at a time. */
export function deliveriesQueryOptions(districtId: DistrictId, id: WebhookEndpointId) {
  return infiniteQueryOptions({
    queryKey: districtKey(districtId, 'webhooks', 'deliveries', id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/districts/{district_id}/webhooks/{id}/deliveries', {
          params: { path: { district_id: districtId, id }, query: { limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

/** The log; while a delivery is still pending it is read again every few seconds. */
export function useDeliveries(districtId: DistrictId, id: WebhookEndpointId) {
  return useInfiniteQuery({
    ...deliveriesQueryOptions(districtId, id),
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((d) => d.status === 'pending')) ? 5_000 : false,
  });
}

/** Queues a delivery again now (same event, same `webhook-id`), e.g. after the receiver was fixed. */
export function useReplayDelivery(districtId: DistrictId, endpointId: WebhookEndpointId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: WebhookDeliveryId) =>
      unwrap(
        client.POST('/api/v1/districts/{district_id}/webhooks/{id}/deliveries/{delivery_id}/replay', {
          params: { path: { district_id: districtId, id: endpointId, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: districtKey(districtId, 'webhooks', 'deliveries', endpointId) }),
  });
}
