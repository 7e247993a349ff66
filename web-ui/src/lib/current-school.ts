/** The school the user is working in; pages read it, the header's switcher changes it. */
import { createContext, useContext } from 'react';
import type { Grant, SchoolId } from '@/api/types';

export type CurrentSchool = {
  schoolId: SchoolId | null;
  grant: Grant | undefined;
  grants: readonly Grant[];
  setSchoolId: (schoolId: SchoolId) => void;
};

export const CurrentSchoolContext = createContext<CurrentSchool>({
  schoolId: null,
  grant: undefined,
  grants: [],
  setSchoolId: () => undefined,
});

export function useCurrentSchool(): CurrentSchool {
  return useContext(CurrentSchoolContext);
}

/** For pages that only render once a school is chosen (the layout guarantees it). */
export function useSchoolId(): SchoolId {
  const { schoolId } = useContext(CurrentSchoolContext);
  if (schoolId === null) throw new Error('useSchoolId() used outside a selected school');
  return schoolId;
}
