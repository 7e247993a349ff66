import { describe, expect, it } from 'vitest';
import { DEFAULT_OVERLAP, OVERLAP_CHOICES, overlapSeconds, previousSecretLive } from './secret-overlap';

describe('overlapSeconds', () => {
  it('turns each choice into the seconds the API takes', () => {
    expect(OVERLAP_CHOICES.map(overlapSeconds)).toEqual([0, 3_600, 86_400, 604_800]);
  });

  it('starts with the API default of one day', () => {
    expect(overlapSeconds(DEFAULT_OVERLAP)).toBe(86_400);
  });

  it('stays within the 30 days the API allows', () => {
    for (const choice of OVERLAP_CHOICES) expect(overlapSeconds(choice)).toBeLessThanOrEqual(2_592_000);
  });
});

describe('previousSecretLive', () => {
  const now = Date.parse('2026-12-02T04:00:00Z');

  it('is true until the overlap ends', () => {
    expect(previousSecretLive('2026-12-02T05:00:00Z', now)).toBe(true);
  });

  it('is false once it ended, or when there was no overlap', () => {
    expect(previousSecretLive('2026-12-02T03:59:59Z', now)).toBe(false);
    expect(previousSecretLive(null, now)).toBe(false);
    expect(previousSecretLive(undefined, now)).toBe(false);
  });
});
