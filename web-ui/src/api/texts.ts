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

/**
 * The term's texts, drafts included (staff), newest version first per kind. This module is the one
 * owner of GET /texts.
 */
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

/** The term's published texts: what a family reads and accepts, and staff confirm as signed on paper. */
export function publishedTextsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'texts', 'published', termId),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/schools/{school_id}/texts', {
            params: { path: { school_id: schoolId }, query: { term_id: termId, published: true, ...page } },
            signal,
          }),
        ),
      ),
  });
}

/** The current (newest published) version of a kind: what a family reads and accepts. */
export function currentText(texts: readonly PlanText[], kind: string): PlanText | undefined {
  return texts.filter((x) => x.kind === kind && x.published_at).sort((a, b) => b.version_no - a.version_no)[0];
}

/** The term's notice and agreement in force; nothing is asked while the term is not known yet. */
export function usePublishedTexts(schoolId: SchoolId, termId: TermId | undefined) {
  const query = useQuery({ ...publishedTextsQueryOptions(schoolId, termId as TermId), enabled: termId !== undefined });
  const items = query.data?.items ?? [];
  return { ...query, notice: currentText(items, 'notice'), agreement: currentText(items, 'agreement') };
}
