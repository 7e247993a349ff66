import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NoticeReceiptInput, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** A homeroom teacher (or school admin) records that a family got the notice on paper; repeats are harmless. */
export function recordPaperReceipt(schoolId: SchoolId, body: NoticeReceiptInput) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/notice-receipts', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useRecordPaperReceipt(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NoticeReceiptInput) => recordPaperReceipt(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['informed-report']),
  });
}
