/**
 * Roster import, end to end against the real server: sign in as the demo admin, download the
 * .xlsx template, upload a CSV with the template's columns and one bad 年级, see exactly that row
 * error in the dry run, upload the corrected file, commit it, and find the new student (with their
 * 全国学籍号) on the students page. Screenshots go to e2e/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, PASSWORD, SHOTS, shot, signIn, TEACHER } from './support';

const COLUMNS = ['学号', '全国学籍号', '姓名', '性别', '年级', '班级', '监护人姓名', '监护人电话', '关系', '标记'];

/** Unique per run, so the test can run again against the same database. */
const stamp = String(Date.now()).slice(-6);
const students = [
  { no: `E2E${stamp}1`, name: `测试甲${stamp}`, gender: '男', guardian: `家长甲${stamp}`, phone: `139${stamp}01` },
  { no: `E2E${stamp}2`, name: `测试乙${stamp}`, gender: '女', guardian: `家长乙${stamp}`, phone: `139${stamp}02` },
  { no: `E2E${stamp}3`, name: `测试丙${stamp}`, gender: '女', guardian: `家长丙${stamp}`, phone: `139${stamp}03` },
].map((s, i) => ({ ...s, national: `G11010520180${stamp}${i}12` }));
/** The third data row is line 4 of the file: the header is line 1, as a spreadsheet counts. */
const BAD_ROW = 4;

function csv(grades: [string, string, string]): string {
  const lines = students.map((s, i) =>
    [s.no, s.national, s.name, s.gender, grades[i], '1班', s.guardian, s.phone, '母亲', ''].join(','),
  );
  // A BOM, as Excel writes UTF-8 CSV.
  return `\uFEFF${[COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByTestId('import-upload').locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId('import-file-name')).toContainText(path.basename(file));
  await page.getByTestId('import-dry-run').click();
}

test('import a roster file: dry run finds the bad row, the fixed file commits, the student is listed', async ({
  page,
  browser,
  baseURL,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'kehou-e2e-'));
  const badFile = path.join(dir, 'roster-bad.csv');
  const goodFile = path.join(dir, 'roster-fixed.csv');
  writeFileSync(badFile, csv(['3', '3', '12']), 'utf8');
  writeFileSync(goodFile, csv(['3', '3', '4']), 'utf8');

  await test.step('sign in', async () => {
    await page.goto('/login');
    await expect(page.getByTestId('login-page')).toBeVisible();
    await page.getByLabel('用户名').fill(ADMIN);
    await page.getByLabel('密码').fill(PASSWORD);
    await shot(page, '01-login');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('side-menu')).toBeVisible();
    await expect(page).not.toHaveURL(/\/login/);
    await shot(page, '02-signed-in');
  });

  await test.step('open the import wizard', async () => {
    await page.getByTestId('menu-imports').click();
    await expect(page).toHaveURL(/\/roster\/imports$/);
    await expect(page.getByTestId('import-wizard')).toBeVisible();
    await shot(page, '03-import-upload');
  });

  await test.step("the template is the server's .xlsx", async () => {
    await expect(page.getByTestId('import-upload')).toContainText(COLUMNS.join('、'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('花名册导入模板.xlsx');
    const saved = await download.path();
    // An .xlsx is a zip: it starts with "PK".
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  await test.step('dry run reports exactly the bad 年级', async () => {
    await upload(page, badFile);
    await expect(page.getByTestId('import-dry-run-errors')).toBeVisible({ timeout: 30_000 });
    const rows = page.getByTestId('import-error-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByTestId('import-error-cell-row')).toHaveText(String(BAD_ROW));
    await expect(rows.first().getByTestId('import-error-cell-column')).toHaveText('年级');
    await expect(rows.first()).toContainText('12');
    await expect(rows.first().getByTestId('import-error-cell-reason')).toContainText('“年级”须为 1–9');
    await expect(page.getByTestId('import-commit')).toHaveCount(0);
    await shot(page, '04-dry-run-errors');
  });

  await test.step('the corrected file passes the dry run', async () => {
    await page.getByTestId('import-reupload').click();
    await upload(page, goodFile);
    await expect(page.getByTestId('import-dry-run-clean')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('import-error-row')).toHaveCount(0);
    await shot(page, '05-dry-run-clean');
  });

  await test.step('commit and see the summary', async () => {
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('import-summary-rows')).toHaveText('3');
    await expect(page.getByTestId('import-summary-students_created')).toHaveText('3');
    await shot(page, '06-import-done');
  });

  await test.step('the new student is on the students page', async () => {
    const student = students[2];
    await page.getByTestId('import-view-students').click();
    await expect(page).toHaveURL(/\/roster\/students$/);
    const search = page.getByLabel('按姓名或学号搜索');
    await search.fill(student.name);
    await search.press('Enter');
    const table = page.getByTestId('students-table');
    const row = table.getByTestId('students-table-row').filter({ hasText: student.name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(student.no);
    await shot(page, '07-students-search');

    await row.getByTestId('student-open').click();
    const detail = page.getByTestId('student-detail-body');
    await expect(detail).toBeVisible();
    // The school admin may see the 全国学籍号 in full.
    await expect(page.getByTestId('student-detail-national-no')).toHaveText(student.national);
    await expect(page.getByTestId('student-guardians')).toContainText(student.guardian);
    await shot(page, '08-student-detail');
  });

  await test.step('a teacher sees the 全国学籍号 masked to its last four characters', async () => {
    const student = students[2];
    const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const teacher = await context.newPage();
    await signIn(teacher, TEACHER);
    await teacher.goto('/roster/students');
    const search = teacher.getByLabel('按姓名或学号搜索');
    await search.fill(student.no);
    await search.press('Enter');
    const row = teacher.getByTestId('students-table-row').filter({ hasText: student.no });
    await row.getByTestId('student-open').click();
    const masked = `${'*'.repeat(student.national.length - 4)}${student.national.slice(-4)}`;
    await expect(teacher.getByTestId('student-detail-national-no')).toHaveText(masked);
    await context.close();
  });
});
