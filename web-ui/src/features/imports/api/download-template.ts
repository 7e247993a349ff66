import { useMutation } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ApiError, toProblem } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { fileNameFromDisposition, saveBlob } from '@/lib/download';

/** Downloads the server's .xlsx template (headers and one example row), through the client so it carries the token. */
export async function downloadTemplate(schoolId: SchoolId, fallbackName: string): Promise<void> {
  const { data, error, response } = await client.GET('/api/v1/schools/{school_id}/imports/template.xlsx', {
    params: { path: { school_id: schoolId } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new ApiError(toProblem(error, response));
  saveBlob(data, fileNameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
}

export function useDownloadTemplate(schoolId: SchoolId, fallbackName: string) {
  return useMutation({ mutationFn: () => downloadTemplate(schoolId, fallbackName) });
}
