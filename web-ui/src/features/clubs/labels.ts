import type { Club, Vetting, VettingCheck, VettingDecision } from '@/api/types';
import type { ProblemMapping } from '@/lib/form-problem';
import { isMessageKey, type Translate } from '@/lib/i18n';

/** The categories schools commonly use (五育); any other may be typed. */
export const CLUB_CATEGORIES = ['德', '智', '体', '美', '劳'] as const;

/** The categories to suggest: the common ones, then those the school already uses. */
export function categorySuggestions(used: readonly string[]): string[] {
  const own = used.map((c) => c.trim()).filter((c) => c && !(CLUB_CATEGORIES as readonly string[]).includes(c));
  return [...CLUB_CATEGORIES, ...new Set(own)];
}

/** An external teacher's vetting (外聘审核备案); staff teachers need none. */
export const VETTING_STATUSES = ['pending', 'approved', 'rejected'] as const;

export function vettingLabel(t: Translate, status: string): string {
  const key = `club.vetting.${status}`;
  return isMessageKey(key) ? t(key) : status;
}

export function vettingColor(status: string): string {
  if (status === 'approved') return 'green';
  if (status === 'rejected') return 'red';
  if (status === 'pending') return 'gold';
  return 'default';
}

/**
 * The checks a school admin records when vetting an external teacher, in the order the form
 * lists them. 无犯罪记录查询 comes first: an approval needs it (《未成年人保护法》第六十二条).
 */
export const VETTING_CHECKS: readonly VettingCheck[] = [
  'no_criminal_record',
  'qualification',
  'health_certificate',
  'safety_training',
  'agreement',
];

/** The check an approval cannot do without (the server answers 422 `criminal_record_required`). */
export const REQUIRED_CHECK: VettingCheck = 'no_criminal_record';

export function vettingCheckLabel(t: Translate, check: string): string {
  const key = `club.vetting_check.${check}`;
  return isMessageKey(key) ? t(key) : check;
}

/** The checks made, in the form's order (unknown ones last, as sent), e.g. 无犯罪记录查询、健康证明. */
export function vettingChecksText(t: Translate, checks: readonly string[]): string {
  const order = (c: string) => {
    const i = (VETTING_CHECKS as readonly string[]).indexOf(c);
    return i === -1 ? VETTING_CHECKS.length : i;
  };
  return [...new Set(checks)]
    .sort((a, b) => order(a) - order(b))
    .map((c) => vettingCheckLabel(t, c))
    .join('、');
}

/** Why a vetting cannot be recorded as it stands: an approval without the criminal-record check. */
export function vettingError(
  decision: VettingDecision | undefined,
  checks: readonly string[] | undefined,
): 'criminal_record_required' | null {
  return decision === 'approved' && !(checks ?? []).includes(REQUIRED_CHECK) ? 'criminal_record_required' : null;
}

/** The vetting form's fields, as the request names them (a 422 on `checks` lands under the checkboxes). */
export const VETTING_PROBLEMS: ProblemMapping = { fields: ['decision', 'checks', 'note'] };

/** The vetting to send: the checks once each in the form's order, and a trimmed note (none if blank). */
export function vettingBody(
  decision: VettingDecision,
  checks: readonly VettingCheck[],
  note: string | undefined,
): Vetting {
  const chosen = VETTING_CHECKS.filter((c) => checks.includes(c));
  const trimmed = note?.trim();
  return { decision, checks: chosen, note: trimmed ? trimmed : null };
}

/** An external teacher's club that the school admin may vet (a staff teacher needs none). */
export function needsVetting(club: Pick<Club, 'external_teacher'>): boolean {
  return club.external_teacher != null && club.external_teacher !== '';
}
