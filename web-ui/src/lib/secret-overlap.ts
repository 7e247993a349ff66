/**
 * How long a rotated-away secret keeps working (an API client's) or signing (a webhook
 * endpoint's), so the other side can deploy the new one without downtime. The API takes
 * `overlap_seconds` (0 to 30 days, default one day); the UI offers four choices.
 */
import type { MessageKey } from '@/locales';

export const OVERLAP_CHOICES = ['now', 'hour', 'day', 'week'] as const;
export type OverlapChoice = (typeof OVERLAP_CHOICES)[number];

/** The API's default, and the choice the dialog starts with. */
export const DEFAULT_OVERLAP: OverlapChoice = 'day';

const SECONDS: Record<OverlapChoice, number> = {
  now: 0,
  hour: 60 * 60,
  day: 24 * 60 * 60,
  week: 7 * 24 * 60 * 60,
};

const LABELS: Record<OverlapChoice, MessageKey> = {
  now: 'secret.overlap.now',
  hour: 'secret.overlap.hour',
  day: 'secret.overlap.day',
  week: 'secret.overlap.week',
};

/** `overlap_seconds` for a choice. */
export function overlapSeconds(choice: OverlapChoice): number {
  return SECONDS[choice];
}

export function overlapLabel(choice: OverlapChoice): MessageKey {
  return LABELS[choice];
}

/** Whether an API answer's `previous_secret_expires_at` still lets the old secret work. */
export function previousSecretLive(until: string | null | undefined, now: number = Date.now()): until is string {
  return typeof until === 'string' && Date.parse(until) > now;
}
