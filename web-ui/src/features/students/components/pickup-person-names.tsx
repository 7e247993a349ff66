import { Spin } from 'antd';
import { useStudentPickupPersons } from '@/api/pickup-persons';
import type { SchoolId, StudentId } from '@/api/types';
import { useT } from '@/lib/i18n';

type PickupPersonNamesProps = { schoolId: SchoolId; studentId: StudentId; ids: readonly number[] };

/** The named pickup persons of a student (e.g. those an application lists), with their relation. */
export function PickupPersonNames({ schoolId, studentId, ids }: PickupPersonNamesProps) {
  const t = useT();
  const persons = useStudentPickupPersons(schoolId, studentId);
  if (persons.isLoading) return <Spin size="small" />;
  const named = (persons.data?.items ?? []).filter((p) => ids.includes(p.id));
  // A person removed since the application was made is no longer listed.
  const missing = ids.length - named.length;
  return (
    <span data-testid="pickup-person-names">
      {named.map((p) => `${p.name}（${p.relation}）`).join('、')}
      {missing > 0 ? `${named.length ? '、' : ''}${t('application.pickup_removed', { count: missing })}` : ''}
    </span>
  );
}
