import { queryOptions, useQuery } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, Student, StudentId } from '@/api/types';
import { schoolKey } from '@/lib/query-keys';

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

/** One student (with the version an edit sends back), shown at once from the list's row. */
export function useStudent(schoolId: SchoolId, studentId: StudentId | undefined, fromList?: Student) {
  return useQuery({
    ...studentQueryOptions(schoolId, studentId as StudentId),
    enabled: studentId !== undefined,
    placeholderData: fromList,
  });
}
