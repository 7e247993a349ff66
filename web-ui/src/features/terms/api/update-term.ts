import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type { SchoolId, Term, TermInput } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Replaces a term's name, dates and calendar; `version` is the one the user read (412 if stale). */
export function updateTerm(schoolId: SchoolId, term: Pick<Term, 'id' | 'version'>, body: TermInput) {
  return unwrap(
    client.PATCH('/api/v1/schools/{school_id}/terms/{id}', {
      params: { path: { school_id: schoolId, id: term.id }, header: ifMatch(term.version) },
      body,
    }),
  );
}

export function useUpdateTerm(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ term, body }: { term: Pick<Term, 'id' | 'version'>; body: TermInput }) =>
      updateTerm(schoolId, term, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['terms']),
  });
}
