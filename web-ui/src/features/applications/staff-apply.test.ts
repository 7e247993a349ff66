import { describe, expect, it } from 'vitest';
import type { PlanText, ServicePlan } from '@/api/types';
import { currentAgreement, termPlan } from './staff-apply';

const plan = (id: number, term_id: number, status: string, version_no: number) =>
  ({ id, term_id, status, version_no }) as unknown as ServicePlan;
const text = (id: number, kind: string, version_no: number, published_at: string | null) =>
  ({ id, kind, version_no, published_at }) as unknown as PlanText;

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

describe('currentAgreement', () => {
  it('takes the newest published agreement', () => {
    const texts = [
      text(1, 'agreement', 1, '2026-01-01T00:00:00Z'),
      text(2, 'agreement', 2, '2026-02-01T00:00:00Z'),
      text(3, 'agreement', 3, null),
      text(4, 'notice', 4, '2026-02-01T00:00:00Z'),
    ];
    expect(currentAgreement(texts)?.id).toBe(2);
  });

  it('is undefined when none is published', () => {
    expect(currentAgreement([text(1, 'agreement', 1, null)])).toBeUndefined();
  });
});
