/** Names of what the audit log records (api/src: every `audit::record` call). */
import { isMessageKey, type Translate } from '@/lib/i18n';

export const AUDIT_ENTITIES = [
  'student',
  'pickup_person',
  'homeroom',
  'room',
  'term',
  'staff',
  'import_job',
  'school',
] as const;

/** Each action with the entity it is recorded on (guardian links are recorded on the student). */
export const AUDIT_ACTIONS: ReadonlyArray<{ action: string; entity: string }> = [
  { action: 'student.create', entity: 'student' },
  { action: 'student.update', entity: 'student' },
  { action: 'student.delete', entity: 'student' },
  { action: 'guardian.link', entity: 'student' },
  { action: 'pickup_person.create', entity: 'pickup_person' },
  { action: 'pickup_person.delete', entity: 'pickup_person' },
  { action: 'homeroom.create', entity: 'homeroom' },
  { action: 'room.create', entity: 'room' },
  { action: 'room.update', entity: 'room' },
  { action: 'term.create', entity: 'term' },
  { action: 'term.update', entity: 'term' },
  { action: 'staff.create', entity: 'staff' },
  { action: 'roster.import', entity: 'import_job' },
  { action: 'seed.demo', entity: 'school' },
];

/** Known names in the locale; anything new as the server spells it. */
export function entityLabel(t: Translate, entity: string): string {
  const key = `audit.entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

export function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}
