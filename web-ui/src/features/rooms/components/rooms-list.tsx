import { Button, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import type { Room, RoomId, SchoolId } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { flattenPages } from '@/lib/cursor';
import { useT } from '@/lib/i18n';
import { useRooms } from '../api/get-rooms';
import { RoomFormModal } from './room-form-modal';

/** 教室/场地: places with their capacity, indoor or outdoor; editable by roster editors. */
export function RoomsList({ schoolId, canEdit = false }: { schoolId: SchoolId; canEdit?: boolean }) {
  const t = useT();
  const query = useRooms(schoolId);
  const [editingId, setEditingId] = useState<RoomId>();
  const editing = flattenPages(query.data).find((r) => r.id === editingId);
  const columns: TableProps<Room>['columns'] = [
    { title: t('room.name'), dataIndex: 'name' },
    {
      title: t('room.kind'),
      dataIndex: 'kind',
      render: (kind: Room['kind']) =>
        kind === 'indoor' ? (
          <Tag color="blue">{t('room.kind.indoor')}</Tag>
        ) : (
          <Tag color="green">{t('room.kind.outdoor')}</Tag>
        ),
    },
    { title: t('room.capacity'), dataIndex: 'capacity', align: 'right' },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, room) => (
        <Button type="link" size="small" onClick={() => setEditingId(room.id)} data-testid="room-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <>
      <CursorTable<Room> testId="rooms-table" query={query} columns={columns} rowKey="id" />
      <RoomFormModal
        schoolId={schoolId}
        open={editing !== undefined}
        room={editing}
        onClose={() => setEditingId(undefined)}
      />
    </>
  );
}
