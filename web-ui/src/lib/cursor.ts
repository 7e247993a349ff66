/** Cursor pagination as the API does it: `?limit=&cursor=` → `{items, next_cursor}`. */
/** A page of a list; `total` on lists that count themselves (the review queue). */
export type CursorPage<T> = { items: T[]; next_cursor?: string | null; total?: number | null };

export const PAGE_SIZE = 50;

export function nextCursor<T>(last: CursorPage<T>): string | undefined {
  return last.next_cursor ?? undefined;
}

export function flattenPages<T>(data: { pages: CursorPage<T>[] } | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}
