import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { SchoolId, Staff } from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { schoolKey } from '@/lib/query-keys';

const NAMES_LIMIT = 100;

function listStaff(schoolId: SchoolId, query: { limit: number; cursor?: string }, signal: AbortSignal) {
  return unwrap(
    client.GET('/api/v1/schools/{school_id}/staff', { params: { path: { school_id: schoolId }, query }, signal }),
  );
}

export function staffQueryOptions(schoolId: SchoolId) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'staff', 'list'),
    queryFn: ({ pageParam, signal }) => listStaff(schoolId, { limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function staffNamesQueryOptions(schoolId: SchoolId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'staff', 'names'),
    queryFn: ({ signal }) => listStaff(schoolId, { limit: NAMES_LIMIT }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useStaff(schoolId: SchoolId) {
  return useInfiniteQuery(staffQueryOptions(schoolId));
}

/** Up to 100 staff members for a picker (a school has fewer). */
export function useStaffPicker(schoolId: SchoolId) {
  return useQuery(staffNamesQueryOptions(schoolId));
}

/** Staff names by id, for pages that show who is responsible (only for roles that may list staff). */
export function useStaffNames(schoolId: SchoolId, enabled: boolean): (id: Staff['id']) => string | undefined {
  const { data } = useQuery({ ...staffNamesQueryOptions(schoolId), enabled });
  return useMemo(() => {
    const names = new Map((data?.items ?? []).map((s) => [s.id, s.name] as const));
    return (id) => names.get(id);
  }, [data]);
}

/** Staff names by their login's user id: who acted, in the audit log. */
export function useStaffNamesByUser(
  schoolId: SchoolId,
  enabled: boolean,
): (userId: NonNullable<Staff['user_id']>) => string | undefined {
  const { data } = useQuery({ ...staffNamesQueryOptions(schoolId), enabled });
  return useMemo(() => {
    const names = new Map<number, string>();
    for (const s of data?.items ?? []) if (s.user_id !== null && s.user_id !== undefined) names.set(s.user_id, s.name);
    return (userId) => names.get(userId);
  }, [data]);
}
