import { useMutation } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ApiError, toProblem } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { fileNameFromDisposition, saveBlob } from '@/lib/download';

/** Downloads the school's student list as .xlsx (through the client, so it carries the token). */
export async function exportStudents(schoolId: SchoolId, fallbackName: string): Promise<void> {
  const { data, error, response } = await client.GET('/api/v1/schools/{school_id}/exports/students.xlsx', {
    params: { path: { school_id: schoolId } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ApiError(toProblem(error, response));
  saveBlob(data, fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
}

export function useExportStudents(schoolId: SchoolId, fallbackName: string) {
  return useMutation({ mutationFn: () => exportStudents(schoolId, fallbackName) });
}
