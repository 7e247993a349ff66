/**
 * The scopes a district may grant an API client, in the order the API lists them (`SCOPES` in
 * api/src/integration/mod.rs). The schema types a client's scopes as plain strings; the OpenAPI
 * document names them under the `oauth2` security scheme, which scopes.test.ts compares with
 * this list.
 */
export const SCOPES = [
  'roster:read',
  'roster:write',
  'roster:contacts',
  'roster:sensitive',
  'audit:read',
  'notices:record',
  'guardians:sign_in',
  'events:read',
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(name: string): name is Scope {
  return (SCOPES as readonly string[]).includes(name);
}
