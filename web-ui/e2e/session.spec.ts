/**
 * The session, end to end against the real server: no secret where a script can read it. The
 * login page warns that the server holds demo data (演示数据); the admin signs in through it;
 * afterwards neither localStorage nor sessionStorage holds a token, `document.cookie` shows no
 * refresh cookie, while the browser keeps it as an HttpOnly, SameSite=Strict cookie for
 * /api/v1/auth. A reload stays signed in (the cookie is traded for a new access token); a second
 * tab is signed in by the same cookie and follows a logout in the first; after the logout a
 * reload shows the login page. No page breaks the Content-Security-Policy. Wrong sign-ins answer
 * 用户名或密码错误 until the server throttles them and the page says how long to wait. Screenshots:
 * e2e/screenshots/session-*.png (the login page on a 1024×768 tablet and a 375 px phone).
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, PASSWORD, SHOTS, shot } from './support';

const REFRESH_COOKIE = 'kehou_refresh';

/** Every entry of both Web Storages, as the page's scripts see them. */
function storedEntries(page: Page) {
  return page.evaluate(() => {
    const read = (storage: Storage) =>
      Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').map((key) => ({
        key,
        value: storage.getItem(key) ?? '',
      }));
    return { local: read(window.localStorage), session: read(window.sessionStorage) };
  });
}

/** Storage holds no token: no key naming one, no value carrying one of `secrets`. */
async function expectNoTokenStored(page: Page, secrets: string[]): Promise<void> {
  const { local, session } = await storedEntries(page);
  for (const [where, entries] of [
    ['localStorage', local],
    ['sessionStorage', session],
  ] as const) {
    for (const { key, value } of entries) {
      expect(key.toLowerCase(), `${where} key ${key}`).not.toContain('token');
      for (const secret of secrets) expect(value, `${where}[${key}]`).not.toContain(secret);
    }
  }
}

/** Fails the test on any Content-Security-Policy violation the page reports. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe.serial('session', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test('the login and activation pages warn of the demo data, on a tablet and a phone', async ({ page }) => {
    const violations = watchCsp(page);
    const served = await page.goto('/login');
    const csp = served?.headers()['content-security-policy'] ?? '';
    expect(csp, 'the page is served with a CSP').toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    const notice = page.getByTestId('demo-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('演示数据');
    await expect(notice).toContainText('请勿录入真实学生信息');
    await expect(page.getByTestId('login-submit')).toBeVisible();
    await shot(page, 'session-01-login-tablet');

    await page.setViewportSize({ width: 375, height: 812 });
    await expect(notice).toBeVisible();
    // The notice fits the phone's width: nothing scrolls sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'session-02-login-phone');

    await page.getByTestId('login-activate').click();
    await expect(page.getByTestId('activate-page')).toBeVisible();
    await expect(page.getByTestId('demo-notice')).toContainText('演示数据');
    await shot(page, 'session-03-activate-phone');

    // The English locale says the same.
    await page.getByTestId('locale-toggle').getByText('EN').click();
    await expect(page.getByTestId('demo-notice')).toContainText('Demo data');
    await expect(page.getByTestId('demo-notice')).toContainText("do not enter real pupils' data");
    await shot(page, 'session-04-activate-phone-en');
    expect(violations).toEqual([]);
  });

  test('keeps no token where a script can read it, survives a reload and ends with the logout', async ({ page }) => {
    const violations = watchCsp(page);
    await page.goto('/login');
    await expect(page.getByTestId('demo-notice')).toContainText('演示数据');

    await page.getByLabel('用户名').fill(ADMIN);
    await page.getByLabel('密码').fill(PASSWORD);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByTestId('login-submit').click();
    const login = await answer;
    expect(login.status()).toBe(200);
    expect(JSON.parse(login.request().postData() ?? '{}')).toMatchObject({ session: 'cookie' });
    const pair = (await login.json()) as { access_token: string; refresh_token?: string };
    expect(pair.access_token).toBeTruthy();
    expect(pair, 'a cookie session answers no refresh token').not.toHaveProperty('refresh_token');
    await expect(page.getByTestId('side-menu')).toBeVisible();

    const cookies = await page.context().cookies();
    const refresh = cookies.find((c) => c.name === REFRESH_COOKIE);
    expect(refresh, `the browser holds ${REFRESH_COOKIE}`).toBeDefined();
    expect(refresh?.httpOnly).toBe(true);
    expect(refresh?.sameSite).toBe('Strict');
    expect(refresh?.path).toBe('/api/v1/auth');
    const secrets = [pair.access_token, refresh?.value ?? ''].filter(Boolean);

    await expectNoTokenStored(page, secrets);
    expect(await page.evaluate(() => document.cookie)).not.toContain(REFRESH_COOKIE);

    await test.step('a reload stays signed in, through the cookie', async () => {
      const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
      await page.reload();
      const answer = await refreshed;
      expect(answer.status()).toBe(200);
      expect(answer.request().postData()).toBe('{}');
      await expect(page.getByTestId('side-menu')).toBeVisible();
      await expect(page.getByTestId('login-page')).toHaveCount(0);
      const rotated = (await page.context().cookies()).find((c) => c.name === REFRESH_COOKIE);
      await expectNoTokenStored(page, [...secrets, rotated?.value ?? ''].filter(Boolean));
      expect(await page.evaluate(() => document.cookie)).not.toContain(REFRESH_COOKIE);
    });

    const other = await page.context().newPage();
    await test.step('a second tab is signed in by the same cookie', async () => {
      await other.goto('/');
      await expect(other.getByTestId('side-menu')).toBeVisible();
    });

    await test.step('logging out ends the session in both tabs', async () => {
      const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'));
      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      const answer = await loggedOut;
      expect(answer.status()).toBe(204);
      expect(answer.request().postData()).toBe('{}');
      await expect(page.getByTestId('login-page')).toBeVisible();
      // The other tab heard of it (BroadcastChannel) and dropped its token, without a reload.
      await expect(other.getByTestId('login-page')).toBeVisible();
      await other.close();
    });

    await test.step('after the logout a reload shows the login page', async () => {
      await page.reload();
      await expect(page.getByTestId('login-page')).toBeVisible();
      await expect(page.getByTestId('side-menu')).toHaveCount(0);
      const left = (await page.context().cookies()).find((c) => c.name === REFRESH_COOKIE);
      expect(left, 'the logout cleared the refresh cookie').toBeUndefined();
    });
    expect(violations).toEqual([]);
  });

  test('wrong sign-ins tell nothing about the account, then say how long to wait', async ({ page }) => {
    // A name no account has, new on each run, so that no demo account is throttled.
    const nobody = `nobody${Date.now()}`;
    await page.goto('/login');
    await page.getByLabel('用户名').fill(nobody);
    await page.getByLabel('密码').fill('not-the-password');
    const error = page.getByTestId('login-error');
    let code: string | null = null;
    for (let attempt = 0; attempt < 20 && code !== 'auth.rate_limited'; attempt += 1) {
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await page.getByTestId('login-submit').click();
      const status = (await answer).status();
      expect([401, 429], `attempt ${attempt + 1}`).toContain(status);
      await expect(error).toHaveAttribute(
        'data-problem-code',
        status === 429 ? 'auth.rate_limited' : 'auth.invalid_credentials',
      );
      code = await error.getAttribute('data-problem-code');
      if (code === 'auth.invalid_credentials') await expect(error).toContainText('用户名或密码错误');
    }
    expect(code, 'the server throttles repeated wrong sign-ins').toBe('auth.rate_limited');
    await expect(error).toContainText(/登录尝试过于频繁，请 \d+ (秒|分钟)后再试/);
    await shot(page, 'session-05-login-throttled');
  });
});
