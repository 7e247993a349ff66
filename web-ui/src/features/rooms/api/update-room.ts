import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client } from '@/api/client';
import { ifMatch } from '@/api/if-match';
import { unwrap } from '@/api/problem';
import type { Room, RoomInput, SchoolId } from '@/api/types';
import { invalidateAfterWrite } from '@/lib/query-keys';

/** Replaces a room's name, capacity and kind; `version` is the one the user read (412 if stale). */
export function updateRoom(schoolId: SchoolId, room: Pick<Room, 'id' | 'version'>, body: RoomInput) {
  return unwrap(
    client.PATCH('/api/v1/schools/{school_id}/rooms/{id}', {
      params: { path: { school_id: schoolId, id: room.id }, header: ifMatch(room.version) },
      body,
    }),
  );
}

export function useUpdateRoom(schoolId: SchoolId) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ room, body }: { room: Pick<Room, 'id' | 'version'>; body: RoomInput }) =>
      updateRoom(schoolId, room, body),
    onSuccess: () => invalidateAfterWrite(queryClient, schoolId, ['rooms']),
  });
}
