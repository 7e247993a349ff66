import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { PlanText, SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

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

export function usePublishedTexts(schoolId: SchoolId, termId: TermId | undefined) {
  const query = useQuery({ ...publishedTextsQueryOptions(schoolId, termId as TermId), enabled: termId !== undefined });
  const items = query.data?.items ?? [];
  return { ...query, notice: currentText(items, 'notice'), agreement: currentText(items, 'agreement') };
}
