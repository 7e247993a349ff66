import { describe, expect, it } from 'vitest';
import { ApiError, retryAfterSeconds, unwrap } from './problem';

const withRetryAfter = (value: string) => new Response(null, { status: 429, headers: { 'Retry-After': value } });

describe('retryAfterSeconds', () => {
  it('reads a delay in seconds, as the API sends it', () => {
    expect(retryAfterSeconds(withRetryAfter('30'))).toBe(30);
  });

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    expect(retryAfterSeconds(withRetryAfter('Mon, 02 Mar 2026 08:01:30 GMT'), now)).toBe(90);
  });

  it('is null without a usable header', () => {
    expect(retryAfterSeconds(new Response(null, { status: 429 }))).toBeNull();
    expect(retryAfterSeconds(withRetryAfter('soon'))).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });
});

describe('unwrap', () => {
  it('keeps Retry-After on the ApiError of a 429', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: '',
      code: 'auth.rate_limited',
    };
    const response = new Response(JSON.stringify(problem), { status: 429, headers: { 'Retry-After': '42' } });
    const error: unknown = await unwrap(Promise.resolve({ error: problem, response })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('auth.rate_limited');
    expect((error as ApiError).retryAfter).toBe(42);
  });
});
