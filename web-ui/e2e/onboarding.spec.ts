/**
 * Bringing a school on, end to end against the real server: the demo district admin adds a
 * school on 学校, invites its admin (the invitation shown once: code, link, expiry), and copies
 * the link; the admin opens it in their own browser, sets a password, signs in, finds their login
 * active on the staff page and imports the school's own student list: a CSV with a title row above
 * the header, the office's column names (学生姓名, 班级名称, 联系人, 手机号码, 是否随迁子女), an
 * ID-card column that is not stored, values written as people type them and one bad phone. The
 * dry run shows the mapping it found and the values it tidied; the office uploads the corrected
 * file, commits, and finds the students on the students page. Screenshots:
 * test-results/onboarding-*.png (the dry run also at 1280×800 and on a 768 px tablet).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const students = [
  { no: `S${RUN}1`, name: `李明${RUN}`, gender: '男', guardian: `李建国${RUN}`, phone: `139${RUN}11` },
  { no: `S${RUN}2`, name: `张丽${RUN}`, gender: '女', guardian: `张伟${RUN}`, phone: `139${RUN}12` },
  { no: `S${RUN}3`, name: `陈晨${RUN}`, gender: '女', guardian: `陈刚${RUN}`, phone: `139${RUN}13` },
];
/** Row 1 is the title, row 2 the header: the first student is spreadsheet row 3, the third row 5. */
const HEADER_ROW = 2;
const FIRST_ROW = 3;
const BAD_ROW = 5;
const HEADER = ['学号', '学生姓名', '性别', '年级', '班级名称', '联系人', '手机号码', '是否随迁子女', '身份证号'];
/** The first phone as people type it, with spaces: the dry run stores the digits. */
const SPACED_PHONE = `${students[0].phone.slice(0, 3)} ${students[0].phone.slice(3, 7)} ${students[0].phone.slice(7)}`;

/**
 * The school's own list, as an office keeps it: a title row, its own column names, the class
 * written three ways (一年级(1)班, 1班, 一年级1班), a spaced phone, a 是/否 column and an ID-card
 * column. `thirdPhone` is the third student's phone: `1390` (too short) in the first upload.
 */
function schoolList(thirdPhone: string): string {
  const classes = ['一年级(1)班', '1班', '一年级1班'];
  const grades = ['一年级', '1', '一年级'];
  const phones = [SPACED_PHONE, students[1].phone, thirdPhone];
  const rows = students.map((s, i) => [
    s.no,
    s.name,
    s.gender,
    grades[i],
    classes[i],
    s.guardian,
    phones[i],
    i === 1 ? '是' : '否',
    `11010520190${i}011234`,
  ]);
  const title = ['2026学年一年级学生花名册', ...HEADER.slice(1).map(() => '')];
  return `\uFEFF${[title, HEADER, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId('import-file-name')).toContainText(path.basename(file));
  await page.getByTestId('import-dry-run').click();
}

/** The dry run as a desktop (1280×800) and a portrait tablet (768 px) show it; then back to 1024×768. */
async function dryRunShots(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await onboardingShot(page, `${name}-1280`);
  await page.setViewportSize({ width: 768, height: 1024 });
  await onboardingShot(page, `${name}-768`);
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('a district brings a school on: school, invited admin, password, import of its own list', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const dir = mkdtempSync(path.join(tmpdir(), 'kehou-onboarding-'));
  const badFile = path.join(dir, '2026学年一年级学生花名册.csv');
  const goodFile = path.join(dir, '2026学年一年级学生花名册（改）.csv');
  writeFileSync(badFile, schoolList('1390'), 'utf8');
  writeFileSync(goodFile, schoolList(students[2].phone), 'utf8');

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

  await test.step('the dry run of the school list shows the mapping and the bad phone', async () => {
    await own.getByTestId('menu-imports').click();
    await expect(own.getByTestId('import-wizard')).toBeVisible();
    await upload(own, badFile);
    await expect(own.getByTestId('import-dry-run-errors')).toBeVisible({ timeout: 30_000 });
    const errors = own.getByTestId('import-error-row');
    await expect(errors).toHaveCount(1);
    await expect(errors.first().getByTestId('import-error-cell-row')).toHaveText(String(BAD_ROW));
    await expect(errors.first().getByTestId('import-error-cell-column')).toHaveText('手机号码');
    await expect(errors.first()).toContainText('1390');
    // Worded by the field 手机号码 fills (监护人电话), naming the file's own column.
    await expect(errors.first().getByTestId('import-error-cell-reason')).toHaveText('“手机号码”须为 11 位手机号');

    await expect(own.getByTestId('import-mapping')).toBeVisible();
    const headerRow = own.getByTestId('import-header-row');
    await expect(headerRow).toHaveAttribute('data-row', String(HEADER_ROW));
    await expect(headerRow).toHaveText(`表头在第 ${HEADER_ROW} 行（上方 1 行标题已跳过）`);
    const mapped = {
      学号: 'student_no',
      学生姓名: 'name',
      班级名称: 'homeroom',
      联系人: 'guardian_name',
      手机号码: 'guardian_phone',
      是否随迁子女: 'flag.migrant',
    };
    for (const [column, key] of Object.entries(mapped)) {
      await expect(own.locator(`[data-testid="import-mapping-row"][data-column="${column}"]`)).toHaveAttribute(
        'data-key',
        key,
      );
    }
    await expect(own.locator('[data-testid="import-mapping-row"][data-column="身份证号"]')).toHaveCount(0);
    await expect(own.getByTestId('import-ignored-column')).toHaveText(['身份证号']);
    await expect(own.getByTestId('import-commit')).toHaveCount(0);
    await dryRunShots(own, '06-mapping-errors');
  });

  await test.step('the corrected file passes, with the values it tidied', async () => {
    await own.getByTestId('import-reupload').click();
    await upload(own, goodFile);
    await expect(own.getByTestId('import-dry-run-clean')).toBeVisible({ timeout: 30_000 });
    await expect(own.getByTestId('import-error-row')).toHaveCount(0);
    await expect(own.getByTestId('import-header-row')).toHaveAttribute('data-row', String(HEADER_ROW));
    await expect(own.getByTestId('import-mapping')).toBeVisible();
    await expect(own.getByTestId('import-ignored-column')).toHaveText(['身份证号']);
    const tidied = own.getByTestId('import-normalised-row');
    const phone = tidied.filter({ hasText: SPACED_PHONE });
    await expect(phone).toHaveAttribute('data-kind', 'phone');
    await expect(phone).toContainText(String(FIRST_ROW));
    await expect(phone).toContainText('手机号码');
    await expect(phone).toContainText(students[0].phone);
    await expect(phone).toContainText('手机号格式');
    const homeroom = tidied.filter({ hasText: '一年级(1)班' });
    await expect(homeroom).toHaveAttribute('data-kind', 'homeroom');
    await expect(homeroom).toContainText('班级名称');
    await expect(homeroom).toContainText('一年级1班');
    await expect(homeroom).toContainText('班级写法');
    await expect(own.getByTestId('import-preview-students_created')).toHaveText('3');
    await dryRunShots(own, '07-mapping');
  });

  await test.step('commit, and the students are listed', async () => {
    await own.getByTestId('import-commit').click();
    await expect(own.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
    await expect(own.getByTestId('import-summary-students_created')).toHaveText('3');
    await own.getByTestId('import-view-students').click();
    await expect(own).toHaveURL(/\/roster\/students$/);
    const rows = own.getByTestId('students-table').getByTestId('students-table-row');
    await expect(rows).toHaveCount(3);
    for (const s of students) {
      const row = rows.filter({ hasText: s.name });
      await expect(row).toContainText(s.no);
      await expect(row).toContainText('一年级1班');
    }
    await expect(rows.filter({ hasText: students[1].name })).toContainText('随迁子女');
    await onboardingShot(own, '08-students');
  });

  await admin.close();
});
