/**
 * 从区模板创建: the district adds a notice template through the API; the school admin starts a
 * draft from it on the texts page and saves it. Screenshots: e2e/screenshots/texts-*.png.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ADMIN, DISTRICT, SHOTS, caller, shot, signIn } from './support';

const TITLE = `区统一告知书模板（${String(Date.now()).slice(-6)}）`;

test('the school drafts a notice from a district template', async ({ page, request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const district = await caller(request, DISTRICT);
  const me = await district.get<{ district_id: number }>('/api/v1/me');
  await district.post(`/api/v1/districts/${me.district_id}/text-templates`, {
    kind: 'notice',
    title: TITLE,
    body: '尊敬的家长：\n本区课后服务遵循家长自愿原则……',
  });

  await signIn(page, ADMIN);
  await page.getByTestId('menu-texts').click();
  await page.getByTestId('text-from-template').click();
  const template = page.getByTestId('text-template').filter({ hasText: TITLE });
  await shot(page, 'texts-01-templates');
  await template.getByTestId('text-template-use').click();
  const form = page.getByTestId('text-form');
  await expect(form.getByLabel('标题')).toHaveValue(TITLE);
  await expect(form.getByLabel('正文')).toHaveValue(/家长自愿/);
  await page.getByTestId('text-form-submit').click();
  await expect(page.getByTestId('texts-row').filter({ hasText: TITLE })).toHaveCount(1);
  await shot(page, 'texts-02-drafted');
});
