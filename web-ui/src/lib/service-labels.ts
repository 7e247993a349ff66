/**
 * Words for the codes of the applications area (GLOSSARY: offering_kind, application status,
 * leave mode, exemption, …): the locale's text for a known code, else the code itself, so a
 * value the server adds later still shows. Shared by the staff pages and the guardian portal.
 */
import type { ApplicationEvent, ApplicationStatus, LeaveMode, RejectReason } from '@/api/types';
import { isMessageKey, type Translate } from './i18n';

function lookup(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function weekdayLabel(t: Translate, day: number): string {
  return lookup(t, `weekday.${day}`, String(day));
}

/** `周一至周五` for a run of three or more days, else `周一、周三`. */
export function weekdaysText(t: Translate, days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 0) return t('common.none');
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  if (sorted.length >= 3 && last - first === sorted.length - 1) {
    return t('weekday.range', { from: weekdayLabel(t, first), to: weekdayLabel(t, last) });
  }
  return sorted.map((d) => weekdayLabel(t, d)).join('、');
}

export const OFFERING_KINDS = [
  'morning_reading',
  'noon_care',
  'afternoon_basic',
  'late_extension',
  'evening_study',
  'weekend',
  'holiday',
] as const;

export function offeringKindLabel(t: Translate, kind: string): string {
  return lookup(t, `offering_kind.${kind}`, kind);
}

/** The parts of a session (时间段), in the order they usually run. */
export const SEGMENT_KINDS = ['relax', 'homework', 'club'] as const;

export function segmentKindLabel(t: Translate, kind: string): string {
  return lookup(t, `segment.${kind}`, kind);
}

/** 延时/临时申请: a day registration (one date) or special late service (until a time). */
export const REQUEST_KINDS = ['day_registration', 'special_late'] as const;

export function requestKindLabel(t: Translate, kind: string): string {
  return lookup(t, `request.kind.${kind}`, kind);
}

export function requestStatusLabel(t: Translate, status: string): string {
  return lookup(t, `request.status.${status}`, status);
}

export function requestStatusColor(status: string): string {
  if (status === 'approved') return 'green';
  if (status === 'rejected') return 'red';
  return 'gold';
}

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'class_approved',
  'approved',
  'returned_for_changes',
  'rejected',
  'withdrawn',
];

export function applicationStatusLabel(t: Translate, status: string): string {
  return lookup(t, `application_status.${status}`, status);
}

/** AntD Tag colours: waiting for someone (blue/cyan), done (green), sent back (orange), ended (red/grey). */
export function applicationStatusColor(status: string): string {
  switch (status) {
    case 'submitted':
      return 'blue';
    case 'class_approved':
      return 'cyan';
    case 'approved':
      return 'green';
    case 'returned_for_changes':
      return 'orange';
    case 'rejected':
      return 'red';
    default:
      return 'default';
  }
}

/** draft, submitted, approved or rejected (the district's decision on a plan version). */
export function planStatusLabel(t: Translate, status: string): string {
  return lookup(t, `plan_status.${status}`, status);
}

export function planStatusColor(status: string): string {
  switch (status) {
    case 'submitted':
      return 'blue';
    case 'approved':
      return 'green';
    case 'rejected':
      return 'red';
    default:
      return 'default';
  }
}

export const TEXT_KINDS = ['notice', 'application_form', 'agreement'] as const;

export function textKindLabel(t: Translate, kind: string): string {
  return lookup(t, `text_kind.${kind}`, kind);
}

export const LEAVE_MODES: readonly LeaveMode[] = ['pickup', 'alone', 'school_bus'];

export function leaveModeLabel(t: Translate, mode: string): string {
  return lookup(t, `leave_mode.${mode}`, mode);
}

export const EXEMPTION_CATEGORIES = ['teacher_child', 'poverty_household', 'hardship'] as const;

export function exemptionLabel(t: Translate, category: string): string {
  return lookup(t, `exemption.${category}`, category);
}

export const REJECT_REASONS: readonly RejectReason[] = ['ineligible', 'incomplete', 'duplicate', 'other'];

export function rejectReasonLabel(t: Translate, reason: string): string {
  return lookup(t, `reject_reason.${reason}`, reason);
}

/**
 * Where a child stands in one offering or club: held while the application is reviewed,
 * enrolled once approved, waiting (with its place in the queue), not needed (a lower club
 * choice), draft, left or released.
 */
export function placementLabel(t: Translate, placement: string, queuePosition?: number | null): string {
  if (placement === 'waiting' && queuePosition) return t('placement.waiting_at', { position: queuePosition });
  return lookup(t, `placement.${placement}`, placement);
}

export function placementColor(placement: string): string {
  if (placement === 'enrolled') return 'green';
  if (placement === 'held') return 'blue';
  if (placement === 'waiting') return 'gold';
  return 'default';
}

/** One step of an application's history (`create` of a draft reads 保存草稿). */
export function historyActionLabel(t: Translate, action: string, toStatus: string): string {
  if (action === 'create' && toStatus === 'draft') return t('history_action.create_draft');
  return lookup(t, `history_action.${action}`, action);
}

/**
 * Who took a step of an application: a staff member by name and role (王老师（班主任）), a
 * guardian by name and relation (张丽（母亲）), an app by its name; else 学校, 家长, 第三方应用
 * or 系统 by role. `staffName` names staff when the server sends no name (an older server).
 */
export function historyActorLabel(
  t: Translate,
  event: Pick<ApplicationEvent, 'actor_role' | 'actor_name' | 'actor_id'> &
    Partial<Pick<ApplicationEvent, 'actor_staff_roles' | 'actor_relation'>>,
  staffName?: (userId: number) => string | undefined,
): string {
  const byRole = lookup(t, `history_actor.${event.actor_role}`, event.actor_role);
  const name =
    event.actor_name ??
    (event.actor_role === 'staff' && event.actor_id != null ? staffName?.(event.actor_id) : undefined);
  if (!name) return byRole;
  const roles = (event.actor_staff_roles ?? []).map((r) => lookup(t, `role.${r}`, r));
  const detail = event.actor_role === 'staff' ? roles.join('、') : (event.actor_relation ?? '');
  return detail ? `${name}（${detail}）` : name;
}

/** How an acceptance or a receipt reached the school: `portal`, `spa`, `paper` or `api_client:<id>`. */
export function channelLabel(t: Translate, channel: string): string {
  const client = /^api_client:(.+)$/.exec(channel);
  if (client?.[1]) return t('channel.api_client', { id: client[1] });
  return lookup(t, `channel.${channel}`, channel);
}

export function actorKindLabel(t: Translate, kind: string): string {
  return lookup(t, `actor_kind.${kind}`, kind);
}

/** A share 0–1 as a percentage with one decimal (`83.1%`). */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The first and last eight hex digits of a SHA-256, for tables (the full hash is in the details). */
export function shortSha(sha: string): string {
  return sha.length > 16 ? `${sha.slice(0, 8)}…${sha.slice(-8)}` : sha;
}
