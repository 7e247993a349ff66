import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import { tokenStore } from '@/api/token-store';

export type Credentials = { username: string; password: string };

export function login(credentials: Credentials) {
  return unwrap(client.POST('/api/v1/auth/login', { body: credentials }));
}

/** Signs in and stores the token pair; GET /me then runs for the new session. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (pair) => {
      queryClient.clear();
      tokenStore.save(pair);
    },
  });
}
