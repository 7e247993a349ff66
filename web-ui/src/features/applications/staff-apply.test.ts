import { describe, expect, it } from 'vitest';
import type { ServicePlan } from '@/api/types';
import { termPlan } from './staff-apply';

const plan = (id: number, term_id: number, status: string, version_no: number) =>
  ({ id, term_id, status, version_no }) as unknown as ServicePlan;

describe('termPlan', () => {
  it('takes the newest approved version of the term', () => {
    const plans = [
      plan(1, 7, 'approved', 1),
      plan(2, 7, 'approved', 2),
      plan(3, 7, 'draft', 3),
      plan(4, 8, 'approved', 5),
    ];
    expect(termPlan(plans, 7)?.id).toBe(2);
  });

  it('is undefined without an approved version', () => {
    expect(termPlan([plan(1, 7, 'submitted', 1)], 7)).toBeUndefined();
  });
});
