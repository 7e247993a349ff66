import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';

/**
 * Whose invitation a code is (name, username, school or district, expiry), before the person
 * sets a password. Anonymous and rate-limited: asked once per code, never retried.
 */
export function invitationQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['invitation', code],
    queryFn: ({ signal }) => unwrap(client.POST('/api/v1/auth/invitations/lookup', { body: { code }, signal })),
    retry: false,
    staleTime: Infinity,
  });
}

export function useInvitation(code: string) {
  return useQuery({ ...invitationQueryOptions(code), enabled: code !== '' });
}
