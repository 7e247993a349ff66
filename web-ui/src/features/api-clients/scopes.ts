/**
 * Each scope in words (a short label and what it allows), for the table's tags and the form's
 * checkboxes. An unknown scope (a newer server) is shown by its name.
 */
import { isScope, SCOPES, type Scope } from '@/api/scopes';
import type { Translate } from '@/lib/i18n';
import type { MessageKey } from '@/locales';

const KEYS: Record<Scope, readonly [label: MessageKey, hint: MessageKey]> = {
  'roster:read': ['scope.roster_read', 'scope.roster_read.hint'],
  'roster:write': ['scope.roster_write', 'scope.roster_write.hint'],
  'roster:contacts': ['scope.roster_contacts', 'scope.roster_contacts.hint'],
  'roster:sensitive': ['scope.roster_sensitive', 'scope.roster_sensitive.hint'],
  'audit:read': ['scope.audit_read', 'scope.audit_read.hint'],
  'notices:record': ['scope.notices_record', 'scope.notices_record.hint'],
  'guardians:sign_in': ['scope.guardians_sign_in', 'scope.guardians_sign_in.hint'],
  'events:read': ['scope.events_read', 'scope.events_read.hint'],
};

/** A scope in words: a short label and what it allows; an unknown scope keeps its name. */
export function describeScope(t: Translate, name: string): { label: string; hint: string } {
  if (!isScope(name)) return { label: name, hint: name };
  const [label, hint] = KEYS[name];
  return { label: t(label), hint: t(hint) };
}

/** Known scopes in the API's order, then any unknown ones as sent. */
export function sortScopes(names: readonly string[]): string[] {
  const rank = (s: string) => (isScope(s) ? SCOPES.indexOf(s) : SCOPES.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}
