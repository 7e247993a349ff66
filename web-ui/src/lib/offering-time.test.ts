import { describe, expect, it } from 'vitest';
import type { Offering } from '@/api/types';
import { lateUntilOptions, timeFor } from './offering-time';

const offering = (end_time: string, early_grades_start_time: string | null = null): Offering =>
  ({ start_time: '16:00', end_time, early_grades_start_time }) as Offering;

describe('timeFor', () => {
  it('starts later for grades 1–2 when the plan says so', () => {
    expect(timeFor(offering('17:30', '16:40'), 1)).toBe('16:40–17:30');
    expect(timeFor(offering('17:30', '16:40'), 3)).toBe('16:00–17:30');
    expect(timeFor(offering('17:30'), 2)).toBe('16:00–17:30');
  });
});

describe('lateUntilOptions', () => {
  it('offers times after the service ends, every ten minutes for two hours', () => {
    const times = lateUntilOptions(offering('17:30'));
    expect(times[0]).toBe('17:40');
    expect(times.at(-1)).toBe('19:30');
    expect(times).toHaveLength(12);
  });

  it('never offers the end itself or anything past midnight', () => {
    expect(lateUntilOptions(offering('17:30'))).not.toContain('17:30');
    expect(lateUntilOptions(offering('23:00'), 15, 120)).toEqual(['23:15', '23:30', '23:45']);
  });
});
