import type { Club, HomeroomId } from '@/api/types';

/** At most five ranked clubs (the server's limit). */
export const MAX_CLUB_CHOICES = 5;

/**
 * The clubs a child may choose: its grade within the club's range, and no homeroom restriction
 * unless it is the child's homeroom (known from an earlier application; guardians cannot list homerooms).
 */
export function eligibleClubs(clubs: readonly Club[], grade: number, homeroomId: HomeroomId | undefined): Club[] {
  return clubs.filter(
    (c) => grade >= c.grade_min && grade <= c.grade_max && (c.homeroom_id == null || c.homeroom_id === homeroomId),
  );
}
