import type { Club, HomeroomId } from '@/api/types';

/** At most five ranked clubs (the server's limit). */
export const MAX_CLUB_CHOICES = 5;

/**
 * The clubs a child may choose: its grade within the club's range, and no homeroom restriction
 * unless it is the child's homeroom (`homeroom_id` of /me/children).
 */
export function eligibleClubs(clubs: readonly Club[], grade: number, homeroomId: HomeroomId | undefined): Club[] {
  return clubs.filter(
    (c) => grade >= c.grade_min && grade <= c.grade_max && (c.homeroom_id == null || c.homeroom_id === homeroomId),
  );
}
