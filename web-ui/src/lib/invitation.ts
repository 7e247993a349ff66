/**
 * Staff invitations (logins are opened by invitation, never with a password set by someone else):
 * the link a person opens, and the code read back from it or typed in.
 */

/** The full link to an invitation: the SPA's origin and the `path` the API answered (`/invitation#K7QM-…`). */
export function invitationLink(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/** A typed or pasted code as the API knows it: no spaces, upper case (`k7qm-3xpa` → `K7QM-3XPA`). */
export function normaliseCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The code in an invitation link's fragment (`#K7QM-3XPA-9TRD`), or '' when there is none. */
export function codeFromHash(hash: string): string {
  const raw = hash.replace(/^#/, '');
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape: keep the text as it is; the lookup will refuse it.
  }
  return normaliseCode(decoded);
}

/** Whole days left until `expiresAt` (rounded up; 0 once it has passed). */
export function daysLeft(expiresAt: string, now: number = Date.now()): number {
  const ms = Date.parse(expiresAt) - now;
  return Number.isNaN(ms) || ms <= 0 ? 0 : Math.ceil(ms / 86_400_000);
}
