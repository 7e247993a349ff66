import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** 知晓率 of the term's current notice: per homeroom, with the families not yet informed. */
export function informedReportQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'informed-report', termId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/terms/{term_id}/informed-report', {
          params: { path: { school_id: schoolId, term_id: termId } },
          signal,
        }),
      ),
  });
}

export function useInformedReport(schoolId: SchoolId, termId: TermId) {
  return useQuery(informedReportQueryOptions(schoolId, termId));
}
