import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { RoomInput, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

export function createRoom(schoolId: SchoolId, body: RoomInput) {
  return unwrap(client.POST('/api/v1/schools/{school_id}/rooms', { params: { path: { school_id: schoolId } }, body }));
}

export function useCreateRoom(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RoomInput) => createRoom(schoolId, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['rooms']),
  });
}
