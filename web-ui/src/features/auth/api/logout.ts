import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { tokenStore } from '@/api/token-store';

/** Revokes the refresh token (best effort: an unreachable server must not keep anyone signed in). */
export async function logout(): Promise<void> {
  const refreshToken = tokenStore.refreshToken();
  if (!refreshToken) return;
  try {
    await client.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken } });
  } catch {
    // Offline: the local tokens are dropped anyway.
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      tokenStore.clear();
      queryClient.clear();
    },
  });
}
