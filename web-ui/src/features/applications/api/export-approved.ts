import { useMutation } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ApiError, toProblem } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { fileNameFromDisposition, saveBlob } from '@/lib/download';

/** Downloads the term's approved list (报名汇总表, one sheet per homeroom) as .xlsx. */
export async function exportApproved(schoolId: SchoolId, termId: TermId, fallbackName: string): Promise<void> {
  const { data, error, response } = await client.GET(
    '/api/v1/schools/{school_id}/terms/{term_id}/exports/approved-applications.xlsx',
    { params: { path: { school_id: schoolId, term_id: termId } }, parseAs: 'blob' },
  );
  if (!response.ok || !data) throw new ApiError(toProblem(error, response));
  saveBlob(data, fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
}

export function useExportApproved(schoolId: SchoolId, termId: TermId, fallbackName: string) {
  return useMutation({ mutationFn: () => exportApproved(schoolId, termId, fallbackName) });
}
