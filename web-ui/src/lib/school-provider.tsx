import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Me, SchoolId } from '@/api/types';
import { grantFor, resolveSchoolId } from './access';
import { CurrentSchoolContext, type CurrentSchool } from './current-school';

const STORAGE_KEY = 'kehou.school_id';

function remembered(): SchoolId | null {
  try {
    return JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as SchoolId | null;
  } catch {
    return null;
  }
}

/** Chooses the school from /me grants, remembering the last choice across reloads. */
export function SchoolProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [chosen, setChosen] = useState<SchoolId | null>(remembered);

  const setSchoolId = useCallback((schoolId: SchoolId) => {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(schoolId));
    setChosen(schoolId);
  }, []);

  const value = useMemo<CurrentSchool>(() => {
    const schoolId = resolveSchoolId(me, chosen);
    return { schoolId, grant: grantFor(me, schoolId), grants: me.grants, setSchoolId };
  }, [me, chosen, setSchoolId]);

  return <CurrentSchoolContext.Provider value={value}>{children}</CurrentSchoolContext.Provider>;
}
