/**
 * Bringing a school on, end to end against the real server: the demo district admin adds a
 * school on 学校, invites its admin (the invitation shown once: code, link, expiry), and copies
 * the link; the admin opens it in their own browser, sets a password, signs in and finds their
 * login active on the staff page. (The import of a real 学籍 export through the wizard joins this
 * spec when the importer reads title rows and header variants.) Screenshots:
 * test-results/onboarding-*.png.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DISTRICT, signIn } from './support';

/** Unique per run, so the spec runs again against the same database. */
const RUN = String(Date.now()).slice(-6);
const SCHOOL = `试点小学${RUN}`;
const CODE = `E2E${RUN}`;
const ADMIN_NAME = `王校长${RUN}`;
const ADMIN_USERNAME = `wang${RUN}`;
/** At least 12 characters (the API's minimum). */
const ADMIN_PASSWORD = `Fangxue-${RUN}-Jie`;

const SHOTS = path.join(import.meta.dirname, '..', 'test-results');

async function onboardingShot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `onboarding-${name}.png`), fullPage: true, animations: 'disabled' });
}

test('a district brings a school on: school, invited admin, their own password, sign-in', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  let invitationPath = '';
  let invitationLink = '';

  await test.step('the district admin adds the school', async () => {
    await signIn(page, DISTRICT);
    await page.getByTestId('menu-district-schools').click();
    await expect(page).toHaveURL(/\/district\/schools$/);
    await expect(page.getByTestId('schools-table')).toBeVisible();
    await page.getByTestId('school-create').click();
    const form = page.getByTestId('school-form');
    await form.getByTestId('school-name-input').fill(SCHOOL);
    await form.getByTestId('school-code-input').fill(CODE);
    await expect(form.getByTestId('school-time-zone')).toHaveValue('Asia/Shanghai');
    await form.getByText('小学', { exact: true }).click();
    await page.getByTestId('school-form-submit').click();
    await expect(form).toHaveCount(0);
    const row = page.locator(`[data-testid="schools-row"][data-code="${CODE}"]`);
    await expect(row).toContainText(SCHOOL);
    await expect(row.getByTestId('school-kind-label')).toHaveText('小学');
    await expect(row.getByTestId('school-students')).toHaveText('0');
    await expect(row.getByTestId('school-admins')).toHaveText('未开通');
  });

  await test.step('invites its admin and takes the invitation, shown once', async () => {
    const row = page.locator(`[data-testid="schools-row"][data-code="${CODE}"]`);
    await row.getByTestId('school-invite-admin').click();
    const form = page.getByTestId('invite-admin-form');
    await form.getByTestId('invite-admin-name').fill(ADMIN_NAME);
    await form.getByTestId('invite-admin-phone').fill(`138${RUN}00`);
    await form.getByTestId('invite-admin-username').fill(ADMIN_USERNAME);
    await page.getByTestId('invite-admin-form-submit').click();

    const dialog = page.getByTestId('invitation-modal');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('invitation-warning')).toContainText('邀请码只显示这一次');
    await expect(dialog.getByTestId('invitation-person')).toHaveText(`${ADMIN_NAME}（${ADMIN_USERNAME}）`);
    const code = (await dialog.getByTestId('invitation-code').textContent()) ?? '';
    expect(code.length).toBeGreaterThan(8);
    const link = dialog.getByTestId('invitation-link');
    invitationPath = (await link.getAttribute('data-path')) ?? '';
    expect(invitationPath).toMatch(/^\/invitation#/);
    expect(invitationPath).toContain(code);
    await expect(link).toHaveText(`${baseURL}${invitationPath}`);
    await dialog.getByTestId('invitation-copy').click();
    await expect(page.getByText('已复制邀请链接').last()).toBeVisible();
    invitationLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(invitationLink).toBe(`${baseURL}${invitationPath}`);
    await expect(dialog.getByTestId('invitation-expires')).toContainText('天内有效');
    await onboardingShot(page, '02-invitation');
    await page.getByTestId('invitation-close').click();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByTestId('school-admins')).toHaveText('1');
    await onboardingShot(page, '01-schools');
  });

  // The admin opens the link in their own browser: nobody is signed in there.
  const admin = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1024, height: 768 },
  });
  const own = await admin.newPage();

  await test.step('the admin opens the invitation and sets a password', async () => {
    await own.goto(invitationLink);
    await expect(own.getByTestId('invitation-for')).toContainText(`为 ${ADMIN_NAME}（${ADMIN_USERNAME}）设置密码`);
    await expect(own.getByTestId('invitation-org')).toHaveText(SCHOOL);
    await own.getByTestId('invitation-password').fill('short');
    await own.getByTestId('invitation-confirm').fill('short');
    await own.getByTestId('invitation-submit').click();
    await expect(own.getByText('密码至少 12 位')).toBeVisible();
    await own.getByTestId('invitation-password').fill(ADMIN_PASSWORD);
    await own.getByTestId('invitation-confirm').fill(ADMIN_PASSWORD);
    await onboardingShot(own, '03-set-password');
    await own.getByTestId('invitation-submit').click();
    await expect(own.getByTestId('invitation-done')).toBeVisible();
    await expect(own.getByTestId('invitation-done-text')).toContainText(ADMIN_USERNAME);
    await onboardingShot(own, '04-password-set');
  });

  await test.step('the used code does not work again', async () => {
    const again = await own.request.post('/api/v1/auth/invitations/lookup', {
      data: { code: invitationPath.replace(/^\/invitation#/, '') },
    });
    expect(again.status()).toBe(400);
  });

  await test.step('the admin signs in with the new password', async () => {
    await own.getByTestId('invitation-go-login').click();
    await expect(own.getByTestId('login-page')).toBeVisible();
    await own.getByLabel('用户名').fill(ADMIN_USERNAME);
    await own.getByLabel('密码').fill(ADMIN_PASSWORD);
    await own.getByTestId('login-submit').click();
    await expect(own.getByTestId('side-menu')).toBeVisible();
    await expect(own.getByTestId('school-name')).toHaveText(SCHOOL);
  });

  await test.step('their login is active on the staff page', async () => {
    await own.getByTestId('menu-staff').click();
    const me = own.getByTestId('staff-table-row').filter({ hasText: ADMIN_USERNAME });
    await expect(me.getByTestId('login-status')).toHaveText('已启用');
    await expect(me.getByTestId('last-sign-in')).toContainText('刚刚');
    await onboardingShot(own, '05-staff');
  });

  await admin.close();
});
