import { describe, expect, it } from 'vitest';
import { bulkStep, stepFor } from './review-step';

describe('stepFor', () => {
  it('gives the homeroom teacher the class review only', () => {
    expect(stepFor('submitted', true, false)).toBe('class');
    expect(stepFor('class_approved', true, false)).toBeUndefined();
  });

  it('gives admins both steps and nothing on closed applications', () => {
    expect(stepFor('submitted', true, true)).toBe('class');
    expect(stepFor('class_approved', true, true)).toBe('school');
    expect(stepFor('approved', true, true)).toBeUndefined();
    expect(stepFor('rejected', true, true)).toBeUndefined();
  });
});

describe('bulkStep', () => {
  it('takes one step for a uniform selection and none for a mixed one', () => {
    expect(bulkStep(['submitted', 'submitted'], true, true)).toBe('class');
    expect(bulkStep(['class_approved'], true, true)).toBe('school');
    expect(bulkStep(['submitted', 'class_approved'], true, true)).toBeUndefined();
    expect(bulkStep([], true, true)).toBeUndefined();
  });
});
