import { describe, expect, it } from 'vitest';
import type { PlanStatus, ServicePlan } from '@/api/types';
import { openPlan } from './get-open-plan';

const plan = (
  id: number,
  term_id: number,
  version_no: number,
  status: PlanStatus,
  from: string,
  to: string,
): ServicePlan => ({
  id,
  term_id,
  version_no,
  status,
  window_opens_at: `${from}T00:00:00Z`,
  window_closes_at: `${to}T00:00:00Z`,
  offerings: [],
  exemption_categories: [],
  window_changes: [],
  version: 1,
});

describe('openPlan', () => {
  const now = new Date('2026-09-05T08:00:00Z');

  it('takes the newest approved version of the term whose window is open', () => {
    const plans = [
      plan(1, 1, 1, 'approved', '2026-08-20', '2026-09-10'),
      plan(2, 1, 2, 'approved', '2026-08-25', '2026-09-15'),
      plan(3, 1, 3, 'submitted', '2026-08-25', '2026-09-15'),
    ];
    expect(openPlan(plans, now)?.id).toBe(2);
  });

  it('falls back to the next window, then the last one, and ignores drafts', () => {
    expect(openPlan([plan(1, 2, 1, 'approved', '2027-01-20', '2027-02-20')], now)?.id).toBe(1);
    expect(openPlan([plan(1, 1, 1, 'approved', '2026-06-01', '2026-06-30')], now)?.id).toBe(1);
    expect(openPlan([plan(1, 1, 1, 'draft', '2026-09-01', '2026-09-30')], now)).toBeUndefined();
  });
});
