import { describe, expect, it } from 'vitest';
import type { Term } from '@/api/types';
import { defaultTerm } from './default-term';

const term = (id: number, start_date: string, end_date: string): Term => ({
  id,
  school_id: 1,
  name: `学期${id}`,
  start_date,
  end_date,
  holidays: [],
  makeup_workdays: [],
  makeup_timetable: {},
  version: 1,
});

describe('defaultTerm', () => {
  const spring = term(1, '2026-02-20', '2026-07-05');
  const autumn = term(2, '2026-09-01', '2027-01-22');
  const next = term(3, '2027-02-20', '2027-07-05');

  it('prefers the term running today', () => {
    expect(defaultTerm([spring, autumn, next], '2026-11-23')?.id).toBe(2);
  });

  it('then the next to start, then the last that ended', () => {
    expect(defaultTerm([spring, autumn, next], '2026-08-01')?.id).toBe(2);
    expect(defaultTerm([spring, autumn], '2027-03-01')?.id).toBe(2);
  });

  it('is undefined without terms', () => {
    expect(defaultTerm([], '2026-11-23')).toBeUndefined();
  });
});
