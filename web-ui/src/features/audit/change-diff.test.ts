import { describe, expect, it } from 'vitest';
import { changedFields, prettySnapshot } from './change-diff';

describe('changedFields', () => {
  it('lists the fields that differ, without version bookkeeping', () => {
    const before = { id: 1, name: '张三', flags: [], version: 1, updated_at: 'a' };
    const after = { id: 1, name: '张四', flags: ['boarder'], version: 2, updated_at: 'b' };
    expect(changedFields(before, after)).toEqual([
      { field: 'name', before: '张三', after: '张四' },
      { field: 'flags', before: [], after: ['boarder'] },
    ]);
  });

  it('reads JSON text and has nothing to compare for a create or delete', () => {
    expect(changedFields('{"a":1}', '{"a":2}')).toEqual([{ field: 'a', before: 1, after: 2 }]);
    expect(changedFields(null, { a: 1 })).toEqual([]);
  });
});

describe('prettySnapshot', () => {
  it('indents JSON and gives null for nothing', () => {
    expect(prettySnapshot({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettySnapshot(undefined)).toBeNull();
  });
});
