/**
 * For the unit tests of the session (they run in Node, without a DOM): Web Storage that records
 * every write, and a Request that accepts the client's same-origin paths.
 */
import { vi, type Mock } from 'vitest';

export const TEST_ORIGIN = 'http://kehou.test';

/** A Storage kept in a Map; `writes` lists every setItem as `key=value`. */
export function memoryStorage(initial: Record<string, string> = {}): Storage & { writes: string[] } {
  const items = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    writes,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      writes.push(`${key}=${value}`);
      items.set(key, String(value));
    },
  };
}

/** Node's Request needs an absolute URL; the browser resolves '/api/…' against the page. */
class SameOriginRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, TEST_ORIGIN) : input, init);
  }
}

export type Browserish = {
  localStorage: ReturnType<typeof memoryStorage>;
  sessionStorage: ReturnType<typeof memoryStorage>;
  fetch: Mock<(request: Request) => Promise<Response>>;
};

/**
 * Installs storage, fetch and Request as a page would have them, with fresh modules, so that the
 * next dynamic import of ./token-store or ./client starts from a page load.
 */
export function installBrowserish(initialLocalStorage: Record<string, string> = {}): Browserish {
  vi.resetModules();
  const env: Browserish = {
    localStorage: memoryStorage(initialLocalStorage),
    sessionStorage: memoryStorage(),
    fetch: vi.fn<(request: Request) => Promise<Response>>(),
  };
  vi.stubGlobal('localStorage', env.localStorage);
  vi.stubGlobal('sessionStorage', env.sessionStorage);
  vi.stubGlobal('fetch', env.fetch);
  vi.stubGlobal('Request', SameOriginRequest);
  return env;
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/** A TokenPair as a cookie session answers it: no refresh token in the body. */
export function tokenPair(accessToken: string): Response {
  return json(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 900 });
}

/** The problem+json of a refresh without a valid cookie. */
export function noSession(): Response {
  return json(401, {
    type: 'about:blank',
    title: 'Unauthorized',
    status: 401,
    detail: 'no refresh cookie',
    code: 'auth.invalid_refresh_token',
  });
}

/** Lets queued messages (BroadcastChannel) and microtasks run. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
