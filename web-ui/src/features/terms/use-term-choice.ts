import dayjs from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import type { SchoolId, Term, TermId } from '@/api/types';
import { useTermPicker } from './api/get-terms';
import { defaultTerm } from './default-term';

const storageKey = (schoolId: SchoolId) => `kehou.term_id.${schoolId}`;

function remembered(schoolId: SchoolId): TermId | undefined {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(storageKey(schoolId)) ?? 'null') as TermId | null;
    return value ?? undefined;
  } catch {
    return undefined;
  }
}

export type TermChoice = {
  terms: readonly Term[];
  /** The chosen term, else the default one (running today, …); undefined while loading or without terms. */
  termId: TermId | undefined;
  term: Term | undefined;
  setTermId: (termId: TermId) => void;
  isLoading: boolean;
  error: unknown;
  refetch: () => unknown;
};

/**
 * The term the application pages work on. The choice is kept for the browser tab (per school),
 * so moving from 服务方案 to 报名审核 stays on the same term.
 */
export function useTermChoice(schoolId: SchoolId): TermChoice {
  const picker = useTermPicker(schoolId);
  const [chosen, setChosen] = useState<{ schoolId: SchoolId; termId: TermId | undefined }>(() => ({
    schoolId,
    termId: remembered(schoolId),
  }));
  const terms = useMemo(() => picker.data?.items ?? [], [picker.data]);
  const wanted = chosen.schoolId === schoolId ? chosen.termId : remembered(schoolId);
  const term = terms.find((t) => t.id === wanted) ?? defaultTerm(terms, dayjs().format('YYYY-MM-DD'));

  const setTermId = useCallback(
    (termId: TermId) => {
      window.sessionStorage.setItem(storageKey(schoolId), JSON.stringify(termId));
      setChosen({ schoolId, termId });
    },
    [schoolId],
  );

  return {
    terms,
    termId: term?.id,
    term,
    setTermId,
    isLoading: picker.isLoading,
    error: picker.error,
    refetch: picker.refetch,
  };
}
