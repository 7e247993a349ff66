/** RFC 9457 problem details as the API sends them, plus the stable `code`. */
import type { components } from './schema';

/** A stable code of the server's catalogue (docs/errors.md). */
export type ProblemCode = components['schemas']['Problem']['code'];
/**
 * A problem as the SPA handles it: the server's, whose `code` may also be one the SPA makes
 * up for answers that are not problem+json (`http.502`, `network.unreachable`) or one a newer
 * server added.
 */
export type Problem = Omit<components['schemas']['Problem'], 'code'> & { code: ProblemCode | (string & {}) };
export type FieldError = NonNullable<Problem['errors']>[number];

/** Thrown by `unwrap` for every non-2xx answer (and for network failures, status 0). */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds to wait before asking again, from `Retry-After` (e.g. 429 `auth.rate_limited`). */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    typeof (value as { title?: unknown }).title === 'string'
  );
}

/** Turns whatever came back (problem+json, plain text from a proxy, nothing) into a Problem. */
export function toProblem(body: unknown, response: Response | undefined): Problem {
  if (isProblem(body)) {
    return { ...body, code: body.code || `http.${body.status}` };
  }
  const status = response?.status ?? 0;
  return {
    type: 'about:blank',
    title: response?.statusText || (status === 0 ? 'Network error' : `HTTP ${status}`),
    status,
    detail: typeof body === 'string' && body.length < 500 ? body : '',
    code: status === 0 ? 'network.unreachable' : `http.${status}`,
  };
}

/** `Retry-After` in seconds: a delay (what the API sends) or an HTTP date; null if absent or bad. */
export function retryAfterSeconds(response: Response | undefined, now: number = Date.now()): number | null {
  const value = response?.headers.get('Retry-After')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Returns the data of an openapi-fetch answer or throws an ApiError carrying its Problem. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(toProblem(undefined, undefined));
  }
  if (!result.response.ok) {
    throw new ApiError(toProblem(result.error, result.response), retryAfterSeconds(result.response));
  }
  return result.data as T;
}
