/** Cursor pagination as the API does it: `?limit=&cursor=` → `{items, next_cursor}`. */
export type CursorPage<T> = { items: T[]; next_cursor?: string | null };

export const PAGE_SIZE = 50;

export function nextCursor<T>(last: CursorPage<T>): string | undefined {
  return last.next_cursor ?? undefined;
}

export function flattenPages<T>(data: { pages: CursorPage<T>[] } | undefined): T[] {
  return data ? data.pages.flatMap((page) => page.items) : [];
}
