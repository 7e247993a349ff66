import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { tokenStore } from '@/api/token-store';

/**
 * Revokes the session of the refresh cookie, which the server also clears (best effort: an
 * unreachable server must not keep anyone signed in here).
 */
export async function logout(): Promise<void> {
  try {
    await client.POST('/api/v1/auth/logout', { body: {} });
  } catch {
    // Offline: the access token is dropped anyway.
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // The other tabs share the (now revoked) cookie: they drop their tokens too.
      tokenStore.clear({ announce: true });
      queryClient.clear();
    },
  });
}
