import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import { tokenStore } from '@/api/token-store';

export type Credentials = { username: string; password: string };

/** A cookie session: the server sets the HttpOnly refresh cookie and answers only the access token. */
export function login(credentials: Credentials) {
  return unwrap(client.POST('/api/v1/auth/login', { body: { ...credentials, session: 'cookie' } }));
}

/** Signs in and keeps the access token in memory; GET /me then runs for the new session. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (pair) => {
      queryClient.clear();
      tokenStore.save(pair, { announce: true });
    },
  });
}
