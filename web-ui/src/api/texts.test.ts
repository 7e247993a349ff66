import { describe, expect, it } from 'vitest';
import type { PlanText } from '@/api/types';
import { currentText } from './texts';

const text = (id: number, kind: string, version_no: number, published_at: string | null) =>
  ({ id, kind, version_no, published_at }) as unknown as PlanText;

describe('currentText', () => {
  it('takes the newest published version of the kind', () => {
    const texts = [
      text(1, 'agreement', 1, '2026-01-01T00:00:00Z'),
      text(2, 'agreement', 2, '2026-02-01T00:00:00Z'),
      text(3, 'agreement', 3, null),
      text(4, 'notice', 4, '2026-02-01T00:00:00Z'),
    ];
    expect(currentText(texts, 'agreement')?.id).toBe(2);
    expect(currentText(texts, 'notice')?.id).toBe(4);
  });

  it('is undefined when none is published', () => {
    expect(currentText([text(1, 'agreement', 1, null)], 'agreement')).toBeUndefined();
  });
});
