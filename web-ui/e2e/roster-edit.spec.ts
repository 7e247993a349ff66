/**
 * Roster editing, end to end against the real server: the demo admin creates a student with the
 * form, adds a guardian, adds and removes a pickup person, renames the student and finds the change in the list and in the audit
 * log (with the old and new name); then the gate user finds the same student with the guardian's
 * phone masked and no way to change anything. Screenshots go to e2e/screenshots/ (1024×768).
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, GATE, SHOTS, shot, signIn } from './support';

/** Unique per run, so the spec can run again against the same database. */
const stamp = String(Date.now()).slice(-6);
const student = {
  no: `ED${stamp}`,
  name: `编辑甲${stamp}`,
  renamed: `编辑乙${stamp}`,
  guardian: `家长${stamp}`,
  phone: `138${stamp}77`,
};

/** Picks an option of an AntD Select: open it, then click the option in the dropdown now shown. */
async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const item = page.locator('.ant-select-dropdown .ant-select-item-option').filter({ visible: true, hasText: option });
  await item.first().click();
}

async function findStudent(page: Page, text: string): Promise<Locator> {
  const search = page.getByLabel('按姓名或学号搜索');
  await search.fill(text);
  await search.press('Enter');
  return page.getByTestId('students-table').getByTestId('students-table-row').filter({ hasText: student.no });
}

test.describe.serial('roster editing', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test('admin creates a student, renames it and finds the change in the list and the audit log', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByTestId('menu-students').click();
    await expect(page.getByTestId('students-page')).toBeVisible();

    await test.step('create a student with the form', async () => {
      await page.getByTestId('students-create').click();
      const form = page.getByTestId('student-form');
      await expect(form).toBeVisible();
      await form.getByLabel('学号').fill(student.no);
      await form.getByLabel('姓名').fill(student.name);
      await form.getByText('女', { exact: true }).click();
      await choose(page, form.getByLabel('年级'), '三年级');
      // The demo school (and the import spec) has 三年级1班; the grade's own option reads 三年级.
      await choose(page, form.getByTestId('student-form-homeroom'), '三年级1班');
      await choose(page, form.getByLabel('标记'), '随迁子女');
      // Close the multiple select's dropdown (Escape would close the dialog too).
      await page.locator('.ant-modal-title').click();
      await shot(page, '11-student-create-form');
      await page.getByTestId('student-form-submit').click();
      await expect(form).toBeHidden();
      await expect(page.getByText(`已新增学生 ${student.name}`)).toBeVisible();
    });

    await test.step('the new student is listed and opens with no pickup persons (暂无数据)', async () => {
      const row = await findStudent(page, student.no);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(student.name);
      await expect(row).toContainText('随迁子女');
      await row.getByTestId('student-open').click();
      await expect(page.getByTestId('student-detail-name')).toHaveText(student.name);
      await expect(page.getByTestId('student-pickup-persons')).toContainText('暂无数据');
    });

    await test.step('add a guardian in the drawer', async () => {
      await page.getByTestId('guardian-add').click();
      const form = page.getByTestId('guardian-form');
      await form.getByLabel('姓名').fill(student.guardian);
      await form.getByLabel('电话').fill(student.phone);
      await form.getByLabel('关系').fill('母亲');
      await page.getByTestId('guardian-form-submit').click();
      await expect(form).toBeHidden();
      // An admin sees the whole number.
      await expect(page.getByTestId('student-guardians')).toContainText(student.phone);
      await shot(page, '12-student-drawer');
    });

    await test.step('add a pickup person, then remove them', async () => {
      await page.getByTestId('pickup-person-add').click();
      const form = page.getByTestId('pickup-person-form');
      await form.getByLabel('姓名').fill(`接送人${stamp}`);
      await form.getByLabel('电话').fill(`137${stamp}66`);
      await form.getByLabel('关系').fill('外祖母');
      await page.getByTestId('pickup-person-form-submit').click();
      await expect(form).toBeHidden();
      const pickup = page.getByTestId('student-pickup-persons');
      await expect(pickup).toContainText(`接送人${stamp}`);
      await pickup.getByTestId('pickup-person-remove').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
      await expect(pickup).not.toContainText(`接送人${stamp}`);
      await expect(pickup).toContainText('暂无数据');
    });

    await test.step('rename the student', async () => {
      await page.getByTestId('student-edit').click();
      const form = page.getByTestId('student-form');
      await expect(form.getByLabel('学号')).toHaveValue(student.no);
      await form.getByLabel('姓名').fill(student.renamed);
      await shot(page, '13-student-edit-form');
      await page.getByTestId('student-form-submit').click();
      await expect(form).toBeHidden();
      await expect(page.getByTestId('student-detail-name')).toHaveText(student.renamed);
    });

    await test.step('the list shows the new name', async () => {
      // Escape: the "已保存" toast sits over the drawer's close button at 1024 px for a moment.
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('student-detail-body')).toBeHidden();
      const row = page.getByTestId('students-table-row').filter({ hasText: student.no });
      await expect(row).toContainText(student.renamed);
      await expect(row).not.toContainText(student.name);
      await shot(page, '14-students-renamed');
    });

    await test.step('the audit log has the change with the old and the new name', async () => {
      await page.getByTestId('menu-audit-events').click();
      await expect(page.getByTestId('audit-page')).toBeVisible();
      await choose(page, page.getByTestId('audit-filter-entity'), '学生');
      await choose(page, page.getByTestId('audit-filter-action'), '修改学生');
      const rows = page.getByTestId('audit-table-row');
      const first = rows.first();
      await expect(first.getByTestId('audit-action')).toHaveAttribute('data-action', 'student.update');
      await first.click();
      const change = page.getByTestId('audit-change').first();
      await expect(change.getByTestId('audit-changed-fields')).toContainText(student.renamed);
      await expect(change.getByTestId('audit-before')).toContainText(student.name);
      await expect(change.getByTestId('audit-after')).toContainText(student.renamed);
      await shot(page, '15-audit-log');
    });
  });

  test('gate staff see masked guardian phones and cannot change the roster', async ({ page }) => {
    await signIn(page, GATE);
    await expect(page.getByTestId('menu-audit-events')).toHaveCount(0);
    await page.getByTestId('menu-students').click();
    await expect(page.getByTestId('students-page')).toBeVisible();
    await expect(page.getByTestId('students-create')).toHaveCount(0);

    const row = await findStudent(page, student.no);
    await expect(row).toHaveCount(1);
    await row.getByTestId('student-open').click();
    const guardians = page.getByTestId('student-guardians');
    await expect(guardians).toContainText(student.guardian);
    await expect(guardians).toContainText('****');
    await expect(guardians).not.toContainText(student.phone);
    await expect(page.getByTestId('student-edit')).toHaveCount(0);
    await expect(page.getByTestId('student-delete')).toHaveCount(0);
    await expect(page.getByTestId('guardian-add')).toHaveCount(0);
    await shot(page, '16-gate-student-drawer');
  });
});
