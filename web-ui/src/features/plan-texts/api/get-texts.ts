import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The term's texts, drafts included (staff), newest version first per kind. */
export function textsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'texts', 'list', termId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/texts', {
          params: { path: { school_id: schoolId }, query: { term_id: termId } },
          signal,
        }),
      ),
  });
}

export function useTexts(schoolId: SchoolId, termId: TermId) {
  return useQuery(textsQueryOptions(schoolId, termId));
}
