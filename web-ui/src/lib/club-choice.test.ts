import { describe, expect, it } from 'vitest';
import type { Club } from '@/api/types';
import { eligibleClubs } from './club-choice';

const club = (id: number, grade_min: number, grade_max: number, homeroom_id: number | null = null): Club => ({
  id,
  term_id: 1,
  name: `club ${id}`,
  category: '体',
  description: '',
  capacity: 20,
  taken: 0,
  waiting: 0,
  first_choices: 0,
  grade_min,
  grade_max,
  homeroom_id,
  weekdays: [1],
  vetting_status: 'not_required',
  version: 1,
});

describe('eligibleClubs', () => {
  const clubs = [club(1, 1, 3), club(2, 4, 6), club(3, 3, 3, 34)];

  it('keeps the clubs of the child’s grade', () => {
    expect(eligibleClubs(clubs, 2, undefined).map((c) => c.id)).toEqual([1]);
    expect(eligibleClubs(clubs, 5, undefined).map((c) => c.id)).toEqual([2]);
  });

  it('offers a homeroom’s own club only to that homeroom', () => {
    expect(eligibleClubs(clubs, 3, undefined).map((c) => c.id)).toEqual([1]);
    expect(eligibleClubs(clubs, 3, 34).map((c) => c.id)).toEqual([1, 3]);
    expect(eligibleClubs(clubs, 3, 35).map((c) => c.id)).toEqual([1]);
  });
});
