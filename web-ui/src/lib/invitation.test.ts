import { describe, expect, it } from 'vitest';
import { codeFromHash, daysLeft, invitationLink, normaliseCode } from './invitation';

describe('invitationLink', () => {
  it('puts the answered path after the SPA origin', () => {
    expect(invitationLink('http://127.0.0.1:8080', '/invitation#K7QM-3XPA-9TRD')).toBe(
      'http://127.0.0.1:8080/invitation#K7QM-3XPA-9TRD',
    );
  });

  it('does not double a slash and keeps a port', () => {
    expect(invitationLink('https://kehou.example.cn/', '/invitation#AB')).toBe(
      'https://kehou.example.cn/invitation#AB',
    );
    expect(invitationLink('https://kehou.example.cn:8443', '/invitation#AB')).toBe(
      'https://kehou.example.cn:8443/invitation#AB',
    );
  });
});

describe('codeFromHash', () => {
  it('reads the code from the fragment', () => {
    expect(codeFromHash('#K7QM-3XPA-9TRD')).toBe('K7QM-3XPA-9TRD');
  });

  it('is empty without a fragment', () => {
    expect(codeFromHash('')).toBe('');
    expect(codeFromHash('#')).toBe('');
  });

  it('decodes escapes, drops spaces and upper-cases', () => {
    expect(codeFromHash('#k7qm-3xpa%209trd')).toBe('K7QM-3XPA9TRD');
    expect(codeFromHash('#%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('normaliseCode', () => {
  it('tidies what a person typed', () => {
    expect(normaliseCode('  k7qm-3xpa-9trd \n')).toBe('K7QM-3XPA-9TRD');
  });
});

describe('daysLeft', () => {
  const now = Date.parse('2026-09-01T00:00:00Z');
  it('rounds up to whole days', () => {
    expect(daysLeft('2026-09-08T00:00:00Z', now)).toBe(7);
    expect(daysLeft('2026-09-01T01:00:00Z', now)).toBe(1);
  });
  it('is 0 once expired or unreadable', () => {
    expect(daysLeft('2026-08-31T23:00:00Z', now)).toBe(0);
    expect(daysLeft('soon', now)).toBe(0);
  });
});
