import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { allPages } from '@/api/all-pages';
import { unwrap } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

/** The district's text templates a school may start a draft from, newest first. */
export function textTemplatesQueryOptions(schoolId: SchoolId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'texts', 'templates'),
    queryFn: ({ signal }) =>
      allPages((page) =>
        unwrap(
          client.GET('/api/v1/schools/{school_id}/text-templates', {
            params: { path: { school_id: schoolId }, query: page },
            signal,
          }),
        ),
      ),
  });
}

export function useTextTemplates(schoolId: SchoolId, enabled: boolean) {
  return useQuery({ ...textTemplatesQueryOptions(schoolId), enabled });
}
