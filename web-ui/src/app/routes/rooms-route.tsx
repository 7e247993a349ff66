import { Page } from '@/components/page';
import { CreateRoomButton } from '@/features/rooms/components/create-room-button';
import { RoomsList } from '@/features/rooms/components/rooms-list';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function RoomsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  return (
    <Page
      title={t('menu.rooms')}
      testId="rooms-page"
      extra={access.editRoster ? <CreateRoomButton schoolId={schoolId} /> : undefined}
    >
      <RoomsList schoolId={schoolId} canEdit={access.editRoster} />
    </Page>
  );
}
