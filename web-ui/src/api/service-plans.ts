import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/**
 * Plan versions of the school (of one term when given), oldest first as the API sends them; a
 * school drafts a few per term, so the hook reads them all. Staff pages list them, staff apply
 * under the term's approved one, families read them all to find the open one. The one owner of
 * GET /service-plans.
 */
export function servicePlansQueryOptions(schoolId: SchoolId, termId: TermId | undefined) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'service-plans', 'list', termId ?? null),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/schools/{school_id}/service-plans', {
            params: { path: { school_id: schoolId }, query: { term_id: termId, ...page } },
            signal,
          }),
        ),
      ),
  });
}

export function useServicePlans(schoolId: SchoolId, termId: TermId | undefined, enabled = true) {
  return useQuery({ ...servicePlansQueryOptions(schoolId, termId), enabled });
}
