import { Tag, type TableProps } from 'antd';
import type { Room, SchoolId } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { useT } from '@/lib/i18n';
import { useRooms } from '../api/get-rooms';

/** 教室/场地: places with their capacity, indoor or outdoor. */
export function RoomsList({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const query = useRooms(schoolId);
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
  return <CursorTable<Room> testId="rooms-table" query={query} columns={columns} rowKey="id" />;
}
