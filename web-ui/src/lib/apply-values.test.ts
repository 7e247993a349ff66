import { describe, expect, it } from 'vitest';
import type { Application, Offering, PlanText } from '@/api/types';
import {
  agreementChanged,
  choicesBody,
  editBody,
  emptyValues,
  isEditable,
  valuesFromApplication,
} from './apply-values';

const offering = (id: number, weekdays: number[]): Offering => ({
  id,
  kind: 'afternoon_basic',
  name: `offering ${id}`,
  grades: [1, 2, 3],
  weekdays,
  start_time: '16:00',
  end_time: '17:30',
  boarders_excluded: false,
  season_times: [],
  segments: [],
  taken: 0,
  waiting: 0,
});

const offerings = [offering(11, [1, 2, 3, 4, 5]), offering(12, [1, 3])];

const application = {
  id: 5,
  version: 3,
  status: 'returned_for_changes',
  leave_mode: 'pickup',
  pickup_person_ids: [7],
  exemption_category: 'low_income',
  exemption_note: '低保证明',
  offerings: [{ offering_id: 11, weekdays: [1, 2, 5], kind: 'afternoon_basic', name: 'x', placement: 'enrolled' }],
  club_choices: [
    { club_id: 31, rank: 2, placement: 'not_placed' },
    { club_id: 30, rank: 1, placement: 'enrolled' },
  ],
  acceptance: { text_id: 40 },
} as unknown as Application;

const text = (id: number) => ({ id }) as PlanText;

describe('valuesFromApplication', () => {
  it('ticks the applied offerings on their days and leaves the others as for a new application', () => {
    const values = valuesFromApplication(application, offerings);
    expect(values.choices).toEqual({
      '11': { selected: true, weekdays: [1, 2, 5] },
      '12': { selected: false, weekdays: [1, 3] },
    });
  });

  it('carries the leave mode, pickup persons, exemption and clubs in rank order', () => {
    const values = valuesFromApplication(application, offerings);
    expect(values).toMatchObject({
      leave_mode: 'pickup',
      pickup_person_ids: [7],
      claim_exemption: true,
      exemption_category: 'low_income',
      exemption_note: '低保证明',
      club_choices: [30, 31],
      accept_agreement: false,
    });
  });

  it('has no exemption when none was claimed', () => {
    const values = valuesFromApplication({ ...application, exemption_category: null, exemption_note: null }, offerings);
    expect(values.claim_exemption).toBe(false);
    expect(values.exemption_category).toBeUndefined();
  });
});

describe('choicesBody', () => {
  it('sends the ticked offerings with their days, the exemption trimmed and the chosen clubs', () => {
    const values = valuesFromApplication(application, offerings);
    values.exemption_note = '  低保证明 ';
    values.club_choices = [30, undefined, 31];
    expect(choicesBody(offerings, values)).toEqual({
      offerings: [{ offering_id: 11, weekdays: [1, 2, 5] }],
      leave_mode: 'pickup',
      pickup_person_ids: [7],
      exemption: { category: 'low_income', note: '低保证明' },
      club_choices: [30, 31],
    });
  });

  it('names pickup persons only when the child is picked up', () => {
    const values = { ...emptyValues(offerings), leave_mode: 'alone' as const, pickup_person_ids: [7] };
    expect(choicesBody(offerings, values)).toMatchObject({ pickup_person_ids: [], exemption: null, offerings: [] });
  });
});

describe('editBody', () => {
  it('leaves the acceptance on record alone unless a newer agreement must be accepted', () => {
    const values = { ...valuesFromApplication(application, offerings), accept_agreement: true };
    expect(editBody(offerings, values)).not.toHaveProperty('agreement_text_id');
    expect(editBody(offerings, values, text(41))).toMatchObject({ agreement_text_id: 41, accept_agreement: true });
  });
});

describe('agreementChanged / isEditable', () => {
  it('compares the accepted version with the one published now', () => {
    expect(agreementChanged(application, text(40))).toBe(false);
    expect(agreementChanged(application, text(41))).toBe(true);
    expect(agreementChanged(application, undefined)).toBe(false);
  });

  it('allows changes to drafts and returned applications only', () => {
    expect(isEditable({ status: 'returned_for_changes' })).toBe(true);
    expect(isEditable({ status: 'draft' })).toBe(true);
    expect(isEditable({ status: 'submitted' })).toBe(false);
  });
});
