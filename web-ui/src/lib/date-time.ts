import dayjs from 'dayjs';

/** `2026-09-01 08:00` in the browser's zone (the school's): instants from the API are UTC. */
export function dateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '';
}

/** `2026-09-01 08:00:05`, where the second matters (when an agreement was accepted). */
export function dateTimeSeconds(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '';
}
