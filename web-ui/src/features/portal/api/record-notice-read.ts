import { useMutation } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { NoticeReceiptInput, SchoolId } from '@/api/types';

/** Records that the family has read the notice (知晓确认); repeats are harmless. */
export function recordNoticeRead(schoolId: SchoolId, body: NoticeReceiptInput) {
  return unwrap(
    client.POST('/api/v1/schools/{school_id}/notice-receipts', { params: { path: { school_id: schoolId } }, body }),
  );
}

export function useRecordNoticeRead(schoolId: SchoolId) {
  return useMutation({ mutationFn: (body: NoticeReceiptInput) => recordNoticeRead(schoolId, body) });
}
