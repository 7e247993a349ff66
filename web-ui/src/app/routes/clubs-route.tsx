import { Select } from 'antd';
import { useMemo } from 'react';
import type { Homeroom, Room } from '@/api/types';
import { ClubsList } from '@/features/clubs/components/clubs-list';
import { useHomerooms } from '@/features/homerooms/api/get-homerooms';
import { HomeroomSelect } from '@/features/homerooms/components/homeroom-select';
import { useRooms } from '@/features/rooms/api/get-rooms';
import { useStaffNames, useStaffNamesByUser } from '@/features/staff/api/get-staff';
import { StaffSelect } from '@/features/staff/components/staff-select';
import { useAccess } from '@/lib/authorization';
import { useSchoolId } from '@/lib/current-school';
import { flattenPages } from '@/lib/cursor';
import { useT } from '@/lib/i18n';
import { TermPage } from './term-page';

/** 社团: the club catalogue, with the staff, rooms and homerooms it names. */
export function ClubsRoute() {
  const t = useT();
  const schoolId = useSchoolId();
  const access = useAccess();
  const staffName = useStaffNames(schoolId, access.viewStaff);
  const userName = useStaffNamesByUser(schoolId, access.viewStaff);
  const rooms = useRooms(schoolId);
  const homerooms = useHomerooms(schoolId);
  const roomList = useMemo(() => flattenPages<Room>(rooms.data), [rooms.data]);
  const homeroomList = useMemo(() => flattenPages<Homeroom>(homerooms.data), [homerooms.data]);
  const names = useMemo(
    () => ({
      staff: staffName,
      room: (id: number) => roomList.find((r) => r.id === id)?.name,
      homeroom: (id: number) => homeroomList.find((h) => h.id === id)?.name,
      user: userName,
    }),
    [staffName, userName, roomList, homeroomList],
  );
  return (
    <TermPage title={t('menu.clubs')} testId="clubs-page">
      {(term) => (
        <ClubsList
          schoolId={schoolId}
          term={term}
          names={names}
          canEdit={access.editClubs}
          canVet={access.vetClubs}
          pickers={{
            teacher: <StaffSelect schoolId={schoolId} testId="club-form-teacher" />,
            room: (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('common.optional')}
                data-testid="club-form-room"
                options={roomList.map((r) => ({ value: r.id, label: r.name }))}
              />
            ),
            homeroom: (grade) => (
              <HomeroomSelect
                schoolId={schoolId}
                grade={grade}
                placeholder={t('club.homeroom_any')}
                style={{ width: '100%' }}
                testId="club-form-homeroom"
              />
            ),
          }}
        />
      )}
    </TermPage>
  );
}
