import { useMutation } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { InvitationAcceptance } from '@/api/types';

/** Sets the invited login's password; the code is then used up. The person signs in at /login. */
export function acceptInvitation(body: InvitationAcceptance) {
  return unwrap(client.POST('/api/v1/auth/invitations/accept', { body }));
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
