import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, Student, StudentFilters, StudentId } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

/**
 * GET /students and GET /students/{id}, the one owner of both: the students page lists and opens
 * them, staff apply picks and reads one, the service requests name theirs.
 */
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

/** Students of the school by name (or student number), for picking whom to apply for. */
export function useStudentSearch(schoolId: SchoolId, q: string) {
  return useQuery({
    queryKey: schoolKey(schoolId, 'students', 'list', { q, limit: 20 }),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students', {
          params: { path: { school_id: schoolId }, query: { q, limit: 20 } },
          signal,
        }),
      ),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function studentQueryKey(schoolId: SchoolId, studentId: StudentId) {
  return schoolKey(schoolId, 'students', studentId);
}

export function studentQueryOptions(schoolId: SchoolId, studentId: StudentId) {
  return queryOptions({
    queryKey: studentQueryKey(schoolId, studentId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/students/{id}', {
          params: { path: { school_id: schoolId, id: studentId } },
          signal,
        }),
      ),
  });
}

/**
 * One student (with the version an edit sends back; its grade and homeroom decide which offerings
 * and clubs apply), shown at once from the list's row when given.
 */
export function useStudent(schoolId: SchoolId, studentId: StudentId | undefined, fromList?: Student) {
  return useQuery({
    ...studentQueryOptions(schoolId, studentId as StudentId),
    enabled: studentId !== undefined,
    placeholderData: fromList,
  });
}
