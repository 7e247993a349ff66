import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, StudentFilters } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

export type StudentSearch = Pick<StudentFilters, 'q' | 'grade' | 'homeroom_id'>;

export function studentsQueryOptions(schoolId: SchoolId, search: StudentSearch) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'students', 'list', search),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students', {
          params: {
            path: { school_id: schoolId },
            query: { ...search, limit: PAGE_SIZE, cursor: pageParam },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useStudents(schoolId: SchoolId, search: StudentSearch) {
  // Keep the old rows on screen while a new search loads.
  return useInfiniteQuery({ ...studentsQueryOptions(schoolId, search), placeholderData: keepPreviousData });
}
