import { useMemo } from 'react';
import { defineAccess, type Capabilities } from './access';
import { useMe } from './auth';
import { useCurrentSchool } from './current-school';

/** Capabilities of the signed-in user in the current school. */
export function useAccess(): Capabilities {
  const { data: me } = useMe();
  const { schoolId } = useCurrentSchool();
  return useMemo(() => defineAccess(me, schoolId), [me, schoolId]);
}
