/** When something happened, in words relative to now (刚刚, 5 分钟前, 3 天前), for lists of people. */
import dayjs from 'dayjs';
import type { Translate } from './i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `刚刚` under a minute, then minutes, hours and days (up to 30); older instants as their date
 * (`2026-03-01`). A time in the future (a clock ahead of the server's) counts as just now.
 */
export function relativeTime(t: Translate, value: string, now: number = Date.now()): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  const ago = now - at;
  if (ago < MINUTE) return t('time.just_now');
  if (ago < HOUR) return t('time.minutes_ago', { n: Math.floor(ago / MINUTE) });
  if (ago < DAY) return t('time.hours_ago', { n: Math.floor(ago / HOUR) });
  if (ago < 30 * DAY) return t('time.days_ago', { n: Math.floor(ago / DAY) });
  return dayjs(at).format('YYYY-MM-DD');
}
