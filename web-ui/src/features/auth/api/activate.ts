import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import { tokenStore } from '@/api/token-store';
import type { ActivationRequest } from '@/api/types';

export type Activation = Omit<ActivationRequest, 'session'>;

/**
 * A guardian's first sign-in: phone + the school's 8-digit code + a new password (then signed
 * in, with a cookie session as at login).
 */
export function activate(body: Activation) {
  return unwrap(client.POST('/api/v1/auth/activate', { body: { ...body, session: 'cookie' } }));
}

export function useActivate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activate,
    onSuccess: (pair) => {
      queryClient.clear();
      tokenStore.save(pair, { announce: true });
    },
  });
}
