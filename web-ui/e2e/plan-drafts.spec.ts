/**
 * Fixing a plan and being told: the admin drafts a version, edits it, submits it, takes it back and
 * deletes it; moves the approved version's application window with a reason, which the version
 * then shows; the district is told a plan waited, and the admin reads their notifications. Needs an
 * approved plan (applications.spec.ts makes one). Screenshots: e2e/screenshots/drafts-*.png, at the
 * office (1280×800), tablet (800×1280) and phone (375×812) sizes.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, DISTRICT, SHOTS, caller, defaultTerm, shot, signIn, type Json, type Term } from './support';

/** The newest version's row (the table lists newest first). */
const newest = (page: Page) => page.getByTestId('service-plans-row').first();

test('a draft is edited, submitted, taken back and deleted; the approved window is extended', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, ADMIN);
  await page.getByTestId('menu-plans').click();
  await expect(page.getByTestId('plans-page')).toBeVisible();
  await expect(page.getByTestId('plan-window')).toBeVisible();
  const versions = await page.getByTestId('service-plans-row').count();

  // A new draft (a copy of the newest version), then edited.
  await page.getByTestId('plan-create').click();
  await page.getByTestId('plan-form-submit').click();
  await expect(page.getByText(/已保存方案第 \d+ 版/)).toBeVisible();
  await expect(page.getByTestId('service-plans-row')).toHaveCount(versions + 1);
  await expect(newest(page).getByTestId('plan-status')).toHaveAttribute('data-status', 'draft');
  await newest(page).getByTestId('plan-edit').click();
  const form = page.getByTestId('plan-form');
  await expect(page.getByText(/编辑第 \d+ 版草稿/)).toBeVisible();
  const name = form.getByTestId('plan-offering').first().getByLabel('名称');
  await name.fill('课后基础托管（秋季修订）');
  await shot(page, 'drafts-01-edit-office');
  await page.getByTestId('plan-form-submit').click();
  await expect(page.getByText(/已保存第 \d+ 版草稿/)).toBeVisible();
  await expect(page.getByTestId('offerings-table').first()).toContainText('课后基础托管（秋季修订）');

  // Submitted, then taken back before the district decides.
  await newest(page).getByTestId('plan-submit').click();
  await page.getByTestId('plan-submit-confirm').click();
  await expect(newest(page).getByTestId('plan-status')).toHaveAttribute('data-status', 'submitted');
  await newest(page).getByTestId('plan-withdraw').click();
  await page.getByTestId('plan-withdraw-confirm').click();
  await expect(newest(page).getByTestId('plan-status')).toHaveAttribute('data-status', 'draft');

  // Deleted.
  await newest(page).getByTestId('plan-delete').click();
  await page.getByTestId('plan-delete-confirm').click();
  await expect(page.getByText(/已删除第 \d+ 版草稿/)).toBeVisible();
  await expect(page.getByTestId('service-plans-row')).toHaveCount(versions);

  // The approved version's window, extended by a week with a reason.
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.getByTestId('plan-window').click();
  const windowForm = page.getByTestId('plan-window-form');
  await expect(windowForm).toBeVisible();
  await windowForm.getByTestId('plan-window-reason').fill('家长会后补报');
  await shot(page, 'drafts-02-window-tablet');
  await page.getByTestId('plan-window-form-submit').click();
  await expect(page.getByText('报名时间已延长')).toBeVisible();
  const row = page.getByTestId('service-plans-row').filter({ has: page.getByTestId('plan-effective') });
  await row.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('plan-window-change').last()).toContainText('家长会后补报');
  await shot(page, 'drafts-03-window-change-tablet');
});

test('the district is told a plan waits; the admin reads and clears the notifications', async ({
  browser,
  request,
}) => {
  // A version the district sends back: the admin is told.
  const [admin, district] = [await caller(request, ADMIN), await caller(request, DISTRICT)];
  const me = await admin.get<{ grants: { school_id: number }[] }>('/api/v1/me');
  const school = `/api/v1/schools/${me.grants[0].school_id}`;
  const terms = await admin.get<{ items: Term[] }>(`${school}/terms`);
  const plans = await admin.get<{ items: Json[] }>(`${school}/service-plans?term_id=${defaultTerm(terms.items).id}`);
  const base = plans.items[plans.items.length - 1];
  const draft = await admin.post<{ id: number }>(`${school}/service-plans`, {
    term_id: base.term_id,
    window_opens_at: base.window_opens_at,
    window_closes_at: base.window_closes_at,
    offerings: (base.offerings as Json[]).map((o) => ({ ...o, id: undefined, taken: undefined, waiting: undefined })),
  });
  await admin.post(`${school}/service-plans/${draft.id}/submit`);
  await district.post(`${school}/service-plans/${draft.id}/reject`, { comment: '请补充安全预案' });

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, DISTRICT);
  const bell = page.getByTestId('notification-bell');
  await bell.click();
  const list = page.getByTestId('notification-list');
  await expect(list).toContainText('有服务方案待审批');
  await expect(list).toContainText('报名时间已调整');
  await shot(page, 'drafts-04-district-bell-office');

  await page.close();

  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await signIn(phone, ADMIN);
  await phone.getByTestId('notification-bell').click();
  const inbox = phone.getByTestId('notification-list');
  await expect(inbox.getByTestId('notification-item').first()).toBeVisible();
  await expect(inbox.getByTestId('notification-item').first()).toContainText('服务方案被退回');
  await shot(phone, 'drafts-05-admin-bell-phone');
  await phone.getByTestId('notification-read-all').click();
  await expect(phone.locator('[data-testid="notification-item"][data-unread="true"]')).toHaveCount(0);
  await expect(phone.locator('.ant-badge-count')).toHaveCount(0);
  await phone.close();
});
