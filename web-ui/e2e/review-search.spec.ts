/**
 * The review queue at a school's scale: its total, and a search by a student's name or number.
 * Needs applications (applications.spec.ts and staff-apply.spec.ts make some). Screenshot:
 * e2e/screenshots/review-search-*.png.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, caller, shot, signIn, type Json } from './support';

test('the admin finds a child in the review queue by name and by number, with the totals', async ({
  page,
  request,
}) => {
  const admin = await caller(request, ADMIN);
  const me = await admin.get<{ grants: { school_id: number }[] }>('/api/v1/me');
  const all = await admin.get<{ items: Json[]; total: number }>(
    `/api/v1/schools/${me.grants[0].school_id}/applications?limit=200`,
  );
  expect(all.total).toBeGreaterThan(0);
  const name = all.items[0].student_name as string;
  const student = all.items[0].student_id as number;
  const mine = all.items.filter((a) => a.student_name === name).length;
  const info = await admin.get<{ student_no: string }>(`/api/v1/schools/${me.grants[0].school_id}/students/${student}`);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, ADMIN);
  await page.getByTestId('menu-review').click();
  await page.getByTestId('review-filter-status').click();
  await page.getByTitle('全部状态').click();
  await expect(page.getByTestId('applications-table-load-more-count')).toContainText(`共 ${all.total} 条`);
  await page.getByTestId('review-search').fill(name);
  await page.getByTestId('review-search').press('Enter');
  await expect(page.getByTestId('applications-table-load-more-count')).toContainText(`共 ${mine} 条`);
  await expect(page.getByTestId('applications-table-row')).toHaveCount(mine);
  await shot(page, 'review-search-01-name');
  await page.getByTestId('review-search').fill(info.student_no);
  await page.getByTestId('review-search').press('Enter');
  await expect(page.getByTestId('applications-table-row').first()).toContainText(name);
  await expect(page.getByTestId('applications-table-load-more-count')).toContainText('共');
});
