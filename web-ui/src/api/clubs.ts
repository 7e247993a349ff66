import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/**
 * The term's club catalogue (社团), with seats taken, the waitlist and first choices: the clubs
 * page lists it, the application drawer names an application's ranked choices from it, and a
 * family ranks it when applying (guardians may read the catalogue). The one owner of GET /clubs.
 */
export function clubsQueryOptions(schoolId: SchoolId, termId: TermId) {
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

/** The catalogue of a term; nothing is asked while the term is not known yet. */
export function useClubs(schoolId: SchoolId, termId: TermId | undefined) {
  return useQuery({ ...clubsQueryOptions(schoolId, termId as TermId), enabled: termId !== undefined });
}
