import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NoticeReceiptInput, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/**
 * Records that a family received the notice: the family reading it in the portal (知晓确认), or a
 * homeroom teacher or school admin for a paper copy (the server tells them apart by the caller).
 * Repeats are harmless. The one owner of POST /notice-receipts.
 */
export function recordNoticeReceipt(schoolId: SchoolId, body: NoticeReceiptInput) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/notice-receipts', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useRecordNoticeReceipt(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NoticeReceiptInput) => recordNoticeReceipt(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['informed-report']),
  });
}
