import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';

/** The caller's own notifications (across their schools). */
const KEY = ['me', 'notifications'] as const;
/** How often the bell asks again (and whenever the window regains focus). */
const POLL_MS = 30_000;
/** The newest notifications the bell's list shows. */
export const BELL_LIMIT = 20;

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/v1/me/notifications', { params: { query: { limit: BELL_LIMIT } }, signal })),
    enabled,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/me/notifications/unread-count', { signal })),
    refetchInterval: POLL_MS,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
}

export function useReadNotification() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: number) => unwrap(client.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export function useReadAll() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/me/notifications/read-all')),
    onSuccess: refresh,
  });
}
