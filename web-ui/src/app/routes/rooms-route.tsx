import { Page } from '@/components/page';
import { RoomsList } from '@/features/rooms/components/rooms-list';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

export function RoomsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  return (
    <Page title={t('menu.rooms')} testId="rooms-page">
      <RoomsList schoolId={schoolId} />
    </Page>
  );
}
