import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { SchoolId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { RoomFormModal } from './room-form-modal';

export function CreateRoomButton({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="rooms-create">
        {t('room.create')}
      </Button>
      <RoomFormModal schoolId={schoolId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
