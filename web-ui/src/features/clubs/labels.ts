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
