/**
 * A plan version's schedule: the admin drafts a new version whose first offering has segments
 * (休息, 作业辅导, 社团活动) and seasonal times (夏令时), and finds them in the plan's detail.
 * Needs a plan to copy (applications.spec.ts or clubs.spec.ts make one). Screenshots: e2e/screenshots/plan-*.png.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { ADMIN, SHOTS, shot, signIn } from './support';

/** Types a time into an AntD TimePicker and commits it. */
async function setTime(picker: Locator, value: string): Promise<void> {
  await picker.click();
  await picker.fill(value);
  await picker.press('Enter');
}

async function fillRow(row: Locator, start: string, end: string): Promise<void> {
  const times = row.locator('.ant-picker input');
  await setTime(times.nth(0), start);
  await setTime(times.nth(1), end);
}

test('the admin gives an offering segments and seasonal times and sees them in the plan', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await signIn(page, ADMIN);
  await page.getByTestId('menu-plans').click();
  await expect(page.getByTestId('plans-page')).toBeVisible();
  await page.getByTestId('plan-create').click();

  const offering = page.getByTestId('plan-form').getByTestId('plan-offering').first();
  // Start from none: a copied version may already have some.
  for (const list of ['plan-offering-segment', 'plan-offering-season']) {
    while ((await offering.getByTestId(list).count()) > 0) {
      await offering.getByTestId(list).first().getByRole('button').last().click();
    }
  }
  await setTime(offering.locator('.ant-picker input').nth(0), '16:00');
  await setTime(offering.locator('.ant-picker input').nth(1), '17:30');
  await offering.locator('.ant-picker input').nth(2).clear();
  const times = [
    ['16:00', '16:20'],
    ['16:20', '17:00'],
    ['17:00', '17:30'],
  ] as const;
  for (const [start, end] of times) {
    await offering.getByTestId('plan-segment-add').click();
    await fillRow(offering.getByTestId('plan-offering-segment').last(), start, end);
  }
  await offering.getByTestId('plan-season-add').click();
  const season = offering.getByTestId('plan-offering-season').last();
  await season.getByLabel('开始日期').fill('05-01');
  await season.getByLabel('结束日期').fill('09-30');
  await fillRow(season, '16:30', '18:00');
  await shot(page, 'plan-01-schedule-form');
  await page.getByTestId('plan-form-submit').click();
  await expect(page.getByText(/已保存方案第 \d+ 版/)).toBeVisible();

  const detail = page.getByTestId('offerings-table').first();
  await expect(detail.getByTestId('offering-segments').first()).toHaveText(
    '休息 16:00–16:20 · 作业辅导 16:20–17:00 · 社团活动 17:00–17:30',
  );
  await expect(detail.getByTestId('offering-season-time').first()).toHaveText('05-01至09-30：16:30–18:00');
  await shot(page, 'plan-02-schedule-detail');
});
