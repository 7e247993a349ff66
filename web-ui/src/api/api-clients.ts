import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { ApiClient, ApiClientId, ClientEdit, DistrictId, NewApiClient } from '@/api/types';
import { districtKey, invalidateDistrict } from '@/lib/query-keys';

/**
 * The district's API clients (第三方应用: district systems and parent apps with scoped
 * credentials). The clients page lists and changes them; the webhooks page names an endpoint's
 * client and offers the clients that may receive events. The one owner of
 * `/districts/{district_id}/api-clients` and its actions (create, origins, revoke, rotate-secret).
 */
export function apiClientsQueryOptions(districtId: DistrictId) {
  return queryOptions({
    queryKey: districtKey(districtId, 'api-clients', 'list'),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/districts/{district_id}/api-clients', {
            params: { path: { district_id: districtId }, query: page },
            signal,
          }),
        ),
      ),
  });
}

export function useApiClients(districtId: DistrictId) {
  return useQuery(apiClientsQueryOptions(districtId));
}

/** The scope a client needs for the event feed and webhook deliveries. */
export const EVENTS_READ = 'events:read';

/** Whether webhook deliveries may follow this client: live, with `events:read`. */
export function receivesEvents(apiClient: ApiClient): boolean {
  return !apiClient.revoked && apiClient.scopes.includes(EVENTS_READ);
}

/** Creates a client; the answer carries its secret, shown this once. */
export function useCreateApiClient(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiClient) =>
      unwrap(
        client.POST('/api/v1/districts/{district_id}/api-clients', {
          params: { path: { district_id: districtId } },
          body,
        }),
      ),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['api-clients']),
  });
}

/** Replaces the browser origins allowed to call the API with the client's tokens (CORS). */
export function useEditApiClientOrigins(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: ApiClientId; body: ClientEdit }) =>
      unwrap(
        client.PATCH('/api/v1/districts/{district_id}/api-clients/{id}', {
          params: { path: { district_id: districtId, id } },
          body,
        }),
      ),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['api-clients']),
  });
}

/** Revokes a client: no new tokens are issued to it. */
export function useRevokeApiClient(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: ApiClientId) =>
      unwrap(
        client.POST('/api/v1/districts/{district_id}/api-clients/{id}/revoke', {
          params: { path: { district_id: districtId, id } },
        }),
      ),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['api-clients']),
  });
}

/** Gives a client a new secret (answered once); the old one keeps working for `overlapSeconds`. */
export function useRotateApiClientSecret(districtId: DistrictId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, overlapSeconds }: { id: ApiClientId; overlapSeconds: number }) =>
      unwrap(
        client.POST('/api/v1/districts/{district_id}/api-clients/{id}/rotate-secret', {
          params: { path: { district_id: districtId, id } },
          body: { overlap_seconds: overlapSeconds },
        }),
      ),
    onSuccess: () => invalidateDistrict(queryClient, districtId, ['api-clients']),
  });
}
