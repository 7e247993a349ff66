/**
 * Reads a small catalogue (a term's clubs, texts, templates, plan versions, receipts) whole: the
 * API pages every list, so this follows `next_cursor` with the largest page the API allows. It
 * stops after a bound, because a list that long is not a small catalogue and wants a paged table.
 */
import type { CursorPage } from '@/lib/cursor';

/** The largest page the API serves. */
export const ALL_PAGES_LIMIT = 200;
/** At most this many requests per list (4,000 items). */
export const MAX_PAGES = 20;

/** What to ask for one page. */
export type PageRequest = { limit: number; cursor?: string };

/** Thrown when a list has more than `MAX_PAGES` pages. */
export class TooManyPagesError extends Error {
  constructor(readonly pages: number) {
    super(`the list has more than ${pages} pages of ${ALL_PAGES_LIMIT}`);
    this.name = 'TooManyPagesError';
  }
}

/** Every item of a cursor-paged list, in the API's order, as `{ items }`. */
export async function allPages<T>(
  fetchPage: (page: PageRequest) => Promise<CursorPage<T>>,
  maxPages: number = MAX_PAGES,
): Promise<{ items: T[] }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    const page = await fetchPage(
      cursor === undefined ? { limit: ALL_PAGES_LIMIT } : { limit: ALL_PAGES_LIMIT, cursor },
    );
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
    if (cursor === undefined) return { items };
  }
  throw new TooManyPagesError(maxPages);
}
