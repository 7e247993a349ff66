import type { Club, HomeroomId } from '@/api/types';

/** At most five ranked clubs (the server's limit). */
export const MAX_CLUB_CHOICES = 5;

/**
 * Whether a club takes children: a staff teacher needs no vetting, an external one must have been
 * approved by the school admin (the server refuses any other with `club.teacher_not_vetted`).
 */
export function takesChildren(club: Pick<Club, 'vetting_status'>): boolean {
  return club.vetting_status === 'not_required' || club.vetting_status === 'approved';
}

/**
 * The clubs a child may choose: taking children, its grade within the club's range, and no
 * homeroom restriction unless it is the child's homeroom (`homeroom_id` of /me/children).
 */
export function eligibleClubs(clubs: readonly Club[], grade: number, homeroomId: HomeroomId | undefined): Club[] {
  return clubs.filter(
    (c) =>
      takesChildren(c) &&
      grade >= c.grade_min &&
      grade <= c.grade_max &&
      (c.homeroom_id == null || c.homeroom_id === homeroomId),
  );
}
