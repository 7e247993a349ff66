import { describe, expect, it } from 'vitest';
import type { Club } from '@/api/types';
import { eligibleClubs, takesChildren } from './club-choice';

const club = (
  id: number,
  grade_min: number,
  grade_max: number,
  homeroom_id: number | null = null,
  vetting_status: Club['vetting_status'] = 'not_required',
): Club => ({
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
  vetting_status,
  vetting_checks: [],
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

  it('offers an external teacher’s club only once the school admin has approved the teacher', () => {
    const vetted = [
      club(1, 1, 6),
      club(2, 1, 6, null, 'pending'),
      club(3, 1, 6, null, 'approved'),
      club(4, 1, 6, null, 'rejected'),
    ];
    expect(eligibleClubs(vetted, 2, undefined).map((c) => c.id)).toEqual([1, 3]);
  });
});

describe('takesChildren', () => {
  it('is true for a staff teacher and an approved external one only', () => {
    expect(takesChildren({ vetting_status: 'not_required' })).toBe(true);
    expect(takesChildren({ vetting_status: 'approved' })).toBe(true);
    expect(takesChildren({ vetting_status: 'pending' })).toBe(false);
    expect(takesChildren({ vetting_status: 'rejected' })).toBe(false);
  });
});
