/**
 * Optimistic concurrency: an update or delete sends the version the user read as
 * `If-Match: "<version>"`; a stale one gets 412 `precondition_failed` (api/src/precondition.rs).
 */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
