/**
 * The application lifecycle both sides share: the staff pages (review queue, drawer, 代家长报名)
 * and the guardian portal. The one owner of GET /applications, GET and PATCH /applications/{id},
 * POST /applications and its /submit and /withdraw; the review steps, the evidence and the
 * statistics belong to the applications feature alone.
 */
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type {
  Application,
  ApplicationEdit,
  ApplicationFilters,
  ApplicationId,
  NewApplication,
  SchoolId,
  StudentId,
  TermId,
  Withdrawal,
} from '@/api/types';
import { nextCursor, PAGE_SIZE } from '@/lib/cursor';
import { invalidateAfterWrite, schoolKey } from '@/lib/query-keys';

export type ApplicationSearch = Omit<ApplicationFilters, 'limit' | 'cursor'>;

/** The applications the caller may review: a homeroom teacher's class, everything for admins. */
export function applicationsQueryOptions(schoolId: SchoolId, search: ApplicationSearch) {
  return infiniteQueryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'list', search),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/applications', {
          params: { path: { school_id: schoolId }, query: { ...search, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  });
}

export function useApplications(schoolId: SchoolId, search: ApplicationSearch) {
  return useInfiniteQuery(applicationsQueryOptions(schoolId, search));
}

/** A guardian's applications of the term in one page (the server lists only their own children's). */
export function termApplicationsQueryOptions(schoolId: SchoolId, termId: TermId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'term', termId),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/applications', {
          params: { path: { school_id: schoolId }, query: { term_id: termId, limit: 200 } },
          signal,
        }),
      ),
  });
}

/** One child's applications of the term, newest first (an earlier one may have been withdrawn). */
export function useStudentApplications(schoolId: SchoolId, termId: TermId | undefined, studentId: StudentId) {
  const query = useQuery({
    ...termApplicationsQueryOptions(schoolId, termId as TermId),
    enabled: termId !== undefined,
  });
  const applications = (query.data?.items ?? []).filter((a) => a.student_id === studentId).sort((a, b) => b.id - a.id);
  return { ...query, applications };
}

export function applicationQueryOptions(schoolId: SchoolId, id: ApplicationId) {
  return queryOptions({
    queryKey: schoolKey(schoolId, 'applications', 'detail', id),
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/api/v1/schools/{school_id}/applications/{id}', {
          params: { path: { school_id: schoolId, id } },
          signal,
        }),
      ),
  });
}

/** One application, read again when opened (a list's row, when given, is shown meanwhile). */
export function useApplication(schoolId: SchoolId, id: ApplicationId | undefined, row?: Application) {
  return useQuery({
    ...applicationQueryOptions(schoolId, id as ApplicationId),
    enabled: id !== undefined,
    placeholderData: row,
  });
}

/**
 * Applies (and submits) for a child: a family in the portal, or staff from the paper form (代家长报名,
 * the server records the acceptance as staff's). The same `Idempotency-Key` for one filled-in form
 * makes a retry after a dropped connection safe: the server answers with the application it made.
 */
export function apply(schoolId: SchoolId, body: NewApplication, idempotencyKey: string) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications', {
      params: { path: { school_id: schoolId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export function useApply(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewApplication; idempotencyKey: string }) =>
      apply(schoolId, body, idempotencyKey),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans']),
  });
}

/** Submits again an application returned for changes (or a draft). */
export function resubmit(schoolId: SchoolId, id: ApplicationId) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications/{id}/submit', {
      params: { path: { school_id: schoolId, id } },
    }),
  );
}

export function useResubmit(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: ApplicationId) => resubmit(schoolId, id),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['applications']),
  });
}

/**
 * Replaces the family's choices on a draft or returned application (If-Match: the version read;
 * 412 if someone changed it since).
 */
export function editApplication(
  schoolId: SchoolId,
  application: Pick<Application, 'id' | 'version'>,
  body: ApplicationEdit,
) {
  return unwrap(
    client.PATCH('/api/v1/schools/{school_id}/applications/{id}', {
      params: { path: { school_id: schoolId, id: application.id }, header: ifMatch(application.version) },
      body,
    }),
  );
}

/**
 * 保存并重新提交 (a family) / 代为修改 (staff): the edit, then the submission. Should the submission
 * fail after the edit was saved, the refetched application carries the new version, so trying
 * again is safe.
 */
export function useEditAndResubmit(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      application,
      body,
    }: {
      application: Pick<Application, 'id' | 'version'>;
      body: ApplicationEdit;
    }) => {
      const edited = await editApplication(schoolId, application, body);
      return resubmit(schoolId, edited.id);
    },
    onSettled: () => invalidateAfterWrite(queryClient, schoolId, ['applications', 'service-plans', 'clubs']),
  });
}

/**
 * Withdraws (a family at any time, or a school admin on its behalf): the enrollment ends on the
 * effective date and its seats go to the first in each queue, offerings' and clubs' alike.
 */
export function withdrawApplication(schoolId: SchoolId, id: ApplicationId, body: Withdrawal) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/applications/{id}/withdraw', {
      params: { path: { school_id: schoolId, id } },
      body,
    }),
  );
}

export function useWithdrawApplication(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: ApplicationId; body: Withdrawal }) => withdrawApplication(schoolId, id, body),
    onSuccess: () =>
      invalidateAfterWrite(queryClient, schoolId, ['applications', 'application-stats', 'service-plans', 'clubs']),
  });
}
