import { describe, expect, it } from 'vitest';
import type { CursorPage } from '@/lib/cursor';
import { ALL_PAGES_LIMIT, allPages, MAX_PAGES, type PageRequest, TooManyPagesError } from './all-pages';

/** A server holding `total` numbered items, paging them like the API (cursor = last id). */
function server(total: number) {
  const asked: PageRequest[] = [];
  const fetchPage = (page: PageRequest): Promise<CursorPage<number>> => {
    asked.push(page);
    const after = page.cursor === undefined ? 0 : Number(page.cursor);
    const items = Array.from({ length: Math.max(0, Math.min(page.limit, total - after)) }, (_, i) => after + i + 1);
    const last = items[items.length - 1];
    return Promise.resolve({ items, next_cursor: last !== undefined && last < total ? String(last) : null });
  };
  return { asked, fetchPage };
}

describe('allPages', () => {
  it('reads one page when everything fits', async () => {
    const s = server(3);
    expect(await allPages(s.fetchPage)).toEqual({ items: [1, 2, 3] });
    expect(s.asked).toEqual([{ limit: ALL_PAGES_LIMIT }]);
  });

  it('follows next_cursor with the largest page until the last one', async () => {
    const s = server(450);
    const { items } = await allPages(s.fetchPage);
    expect(items).toHaveLength(450);
    expect(new Set(items).size).toBe(450);
    expect(s.asked).toEqual([{ limit: 200 }, { limit: 200, cursor: '200' }, { limit: 200, cursor: '400' }]);
  });

  it('reads an empty list with one request', async () => {
    const s = server(0);
    expect(await allPages(s.fetchPage)).toEqual({ items: [] });
    expect(s.asked).toHaveLength(1);
  });

  it('gives up after the bound instead of reading an unbounded list', async () => {
    const s = server(ALL_PAGES_LIMIT * MAX_PAGES + 1);
    await expect(allPages(s.fetchPage)).rejects.toBeInstanceOf(TooManyPagesError);
    expect(s.asked).toHaveLength(MAX_PAGES);
  });

  it('passes a failed page on', async () => {
    const failing = () => Promise.reject(new Error('offline'));
    await expect(allPages(failing)).rejects.toThrow('offline');
  });
});
