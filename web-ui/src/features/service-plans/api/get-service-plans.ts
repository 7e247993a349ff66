import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** A school drafts a few plan versions per term; one request holds them all. */
const LIST_LIMIT = 200;

/** Plan versions of the school (of one term when given), oldest first as the API sends them. */
export function servicePlansQueryOptions(schoolId: SchoolId, termId: TermId | undefined) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'service-plans', 'list', termId ?? null),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/service-plans', {
          params: { path: { school_id: schoolId }, query: { term_id: termId, limit: LIST_LIMIT } },
          signal,
        }),
      ),
  });
}

export function useServicePlans(schoolId: SchoolId, termId: TermId | undefined, enabled = true) {
  return useQuery({ ...servicePlansQueryOptions(schoolId, termId), enabled });
}
