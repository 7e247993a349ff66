import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { PlanText, SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** Kinds in order, each kind's newest version first (the API sends them in id order). */
function byKindNewestFirst(a: PlanText, b: PlanText): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return b.version_no - a.version_no;
}

/** The term's texts, drafts included (staff), newest version first per kind. */
export function textsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'texts', 'list', termId),
    queryFn: async ({ signal }) => {
      const { items } = await allPages((page) =>
        unwrap(
          client.GET('/api/v1/schools/{school_id}/texts', {
            params: { path: { school_id: schoolId }, query: { term_id: termId, ...page } },
            signal,
          }),
        ),
      );
      return { items: items.sort(byKindNewestFirst) };
    },
  });
}

export function useTexts(schoolId: SchoolId, termId: TermId) {
  return useQuery(textsQueryOptions(schoolId, termId));
}
