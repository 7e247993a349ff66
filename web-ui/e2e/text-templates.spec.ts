/**
 * 从区模板创建: the district adds a notice template through the API; the school admin starts a
 * draft from it on the texts page and saves it. Screenshots: e2e/screenshots/texts-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const ADMIN = process.env.KEHOU_E2E_USERNAME ?? 'admin';
const DISTRICT = process.env.KEHOU_E2E_DISTRICT_USERNAME ?? 'district';
const PASSWORD = process.env.KEHOU_E2E_PASSWORD ?? 'Kehou@2026';
const SHOTS = path.join(import.meta.dirname, 'screenshots');
const TITLE = `区统一告知书模板（${String(Date.now()).slice(-6)}）`;

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

test('the school drafts a notice from a district template', async ({ page, request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const login = await request.post('/api/v1/auth/login', { data: { username: DISTRICT, password: PASSWORD } });
  const { access_token } = (await login.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${access_token}` };
  const me = (await (await request.get('/api/v1/me', { headers })).json()) as { district_id: number };
  const created = await request.post(`/api/v1/districts/${me.district_id}/text-templates`, {
    headers,
    data: { kind: 'notice', title: TITLE, body: '尊敬的家长：\n本区课后服务遵循家长自愿原则……' },
  });
  expect(created.ok(), await created.text()).toBeTruthy();

  await page.goto('/login');
  await page.getByLabel('用户名').fill(ADMIN);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
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
