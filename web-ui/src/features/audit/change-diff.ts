/** What an audited change changed: the top-level fields whose values differ before and after. */

export type FieldChange = { field: string; before: unknown; after: unknown };

/** The server sends snapshots as JSON values; an older row may hold the JSON text instead. */
export function snapshotValue(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bookkeeping that changes with every write and says nothing about the change itself. */
const NOISE = new Set(['version', 'updated_at']);

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = snapshotValue(before);
  const a = snapshotValue(after);
  if (!isRecord(b) || !isRecord(a)) return [];
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !NOISE.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

/** A snapshot as indented JSON for a <pre>, or null when there is none. */
export function prettySnapshot(value: unknown): string | null {
  const v = snapshotValue(value);
  return v === null ? null : JSON.stringify(v, null, 2);
}
