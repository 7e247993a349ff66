/**
 * What the end-to-end specs share: the demo accounts, screenshots, signing in through the login
 * page, API callers with a bearer token, and the term the staff pages open with.
 *
 * The accounts are the demo data's (`kehou` seeds them); each can be overridden through the
 * environment, e.g. `KEHOU_E2E_PASSWORD=… npx playwright test`.
 */
import path from 'node:path';
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

/** The demo school admin (`KEHOU_E2E_USERNAME`). */
export const ADMIN = process.env.KEHOU_E2E_USERNAME ?? 'admin';
/** The demo homeroom teacher of 一年级1班 (`KEHOU_E2E_TEACHER_USERNAME`). */
export const TEACHER = process.env.KEHOU_E2E_TEACHER_USERNAME ?? 'teacher';
/** The demo district officer (`KEHOU_E2E_DISTRICT_USERNAME`). */
export const DISTRICT = process.env.KEHOU_E2E_DISTRICT_USERNAME ?? 'district';
/** The demo gate keeper (`KEHOU_E2E_GATE_USERNAME`). */
export const GATE = process.env.KEHOU_E2E_GATE_USERNAME ?? 'gate';
/** The password of every demo staff account (`KEHOU_E2E_PASSWORD`). */
export const PASSWORD = process.env.KEHOU_E2E_PASSWORD ?? 'Kehou@2026';
/** The password a guardian chooses when activating their account (`KEHOU_E2E_GUARDIAN_PASSWORD`). */
export const GUARDIAN_PASSWORD = process.env.KEHOU_E2E_GUARDIAN_PASSWORD ?? 'Jiazhang@2026';

/** Where the screenshots go: e2e/screenshots/ (each spec creates it in its set-up). */
export const SHOTS = path.join(import.meta.dirname, 'screenshots');

/** A JSON object, the default shape of an API answer. */
export type Json = Record<string, unknown>;
/** A named row of a list: a homeroom, a student, … */
export type Item = { id: number; name: string };
/** The dates of a term, all that {@link defaultTerm} needs. */
export type Term = { id: number; start_date: string; end_date: string };

/**
 * Saves a full-page screenshot of `page` as e2e/screenshots/`name`.png. The page is scrolled to
 * the top first: a full-page shot draws a sticky header where the page is scrolled to.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Signs a staff account in through the login page and waits for the side menu. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
}

/** Extra request headers, e.g. `If-Match`; the bearer token is always sent. */
export type CallOptions = { headers?: Record<string, string> };

/**
 * API calls with a bearer token (a staff login, or a guardian's token from activation).
 *
 * `get`, `post` and `patch` expect a 2xx answer (the failure message names the method, the URL and
 * the answer's body) and return the parsed JSON (`{}` for an empty body, e.g. 204). `attempt`
 * makes a call that may be refused and returns the answer as it is, without any expectation.
 */
export function withToken(request: APIRequestContext, token: string) {
  const authorization = { Authorization: `Bearer ${token}` };
  const call = async <T>(method: string, url: string, data: unknown, options?: CallOptions): Promise<T> => {
    const headers = { ...authorization, ...options?.headers };
    const response = await request.fetch(url, { method, headers, data });
    const body = await response.text();
    expect(response.ok(), `${method} ${url}: ${body}`).toBeTruthy();
    return (body ? JSON.parse(body) : {}) as T;
  };
  return {
    get: <T = Json>(url: string, options?: CallOptions) => call<T>('GET', url, undefined, options),
    post: <T = Json>(url: string, data?: unknown, options?: CallOptions) => call<T>('POST', url, data ?? {}, options),
    patch: <T = Json>(url: string, data: unknown, options?: CallOptions) => call<T>('PATCH', url, data, options),
    /** A call that may be refused (POST unless `method` says otherwise); the answer is returned either way. */
    attempt: (url: string, data?: unknown, options?: CallOptions & { method?: string }): Promise<APIResponse> =>
      request.fetch(url, {
        method: options?.method ?? 'POST',
        headers: { ...authorization, ...options?.headers },
        data,
      }),
  };
}

/** An API caller: see {@link withToken}. */
export type Caller = ReturnType<typeof withToken>;

/** Signs `username` in through the API (expecting success) and returns a caller with its token. */
export async function caller(request: APIRequestContext, username: string): Promise<Caller> {
  const login = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(login.ok(), `login ${username}`).toBeTruthy();
  const { access_token } = (await login.json()) as { access_token: string };
  return withToken(request, access_token);
}

/** The term the staff pages open with: running today (in Shanghai), else the next, else the last. */
export function defaultTerm<T extends Term>(terms: T[]): T {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const running = terms.find((t) => t.start_date <= today && today <= t.end_date);
  const upcoming = terms.filter((t) => t.start_date > today).sort((a, b) => a.start_date.localeCompare(b.start_date));
  const last = [...terms].sort((a, b) => b.end_date.localeCompare(a.end_date));
  const term = running ?? upcoming[0] ?? last[0];
  if (!term) throw new Error('the demo school has no term');
  return term;
}
