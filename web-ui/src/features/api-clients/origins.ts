/**
 * Browser origins an API client's tokens may be used from (CORS). The API refuses anything but
 * `https://host[:port]` or `http://localhost[:port]` / `http://127.0.0.1[:port]`, with no path
 * (`origin_ok` in api/src/integration/routes.rs); the form checks the same before sending, so
 * the user learns which entry is wrong. The server remains the judge.
 */

/** At most this many origins per client (`ClientEdit.allowed_origins`, maxItems). */
export const MAX_ORIGINS = 10;

/** What a browser sends as `Origin`: trimmed, lower-case, no trailing slash. */
export function normalizeOrigin(raw: string): string {
  return raw.trim().replace(/\/+$/, '').toLowerCase();
}

/** Whether the API accepts `origin` (already normalized). */
export function isOrigin(origin: string): boolean {
  let rest: string;
  if (origin.startsWith('https://')) {
    rest = origin.slice('https://'.length);
  } else if (origin.startsWith('http://')) {
    rest = origin.slice('http://'.length);
    const local = rest === 'localhost' || rest.startsWith('localhost:') || rest.startsWith('127.0.0.1');
    if (!local) return false;
  } else {
    return false;
  }
  return rest.length > 0 && origin.length <= 200 && /^[a-z0-9.:-]+$/i.test(rest);
}

/** The origins to send: normalized, without blanks and repeats, in the order entered. */
export function originsToSend(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeOrigin).filter(Boolean))];
}

/** The first entry the API would refuse, if any. */
export function firstInvalidOrigin(values: readonly string[]): string | undefined {
  return originsToSend(values).find((o) => !isOrigin(o));
}
