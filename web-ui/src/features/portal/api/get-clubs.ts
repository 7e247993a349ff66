import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The term's clubs, which a family ranks when it applies (guardians may read the catalogue). */
export function portalClubsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'clubs', 'list', termId),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/schools/{school_id}/clubs', {
            params: { path: { school_id: schoolId }, query: { term_id: termId, ...page } },
            signal,
          }),
        ),
      ),
  });
}

export function usePortalClubs(schoolId: SchoolId, termId: TermId | undefined) {
  return useQuery({ ...portalClubsQueryOptions(schoolId, termId as TermId), enabled: termId !== undefined });
}
