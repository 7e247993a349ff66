/**
 * 接口与推送: the district admin creates an API client with events:read (its secret shown once,
 * never in the table), rotates the secret with a one-hour overlap, sets a CORS origin, registers
 * a webhook endpoint (a refused URL is shown on its field), sees a delivery of a published text in
 * the log and sends it again, meets a concurrent change (412), disables the endpoint, and revokes
 * a second client. Needs the server to run with KEHOU_WEBHOOK_ALLOW_INSECURE=1 (the endpoint is
 * http://127.0.0.1:9/hook, which refuses connections). Screenshots: e2e/screenshots/integration-*.png,
 * at 1280 and 1024 px.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DISTRICT, SHOTS, caller, shot, signIn, type Item } from './support';

const RUN = String(Date.now()).slice(-6);
const APP = `家校通测试（${RUN}）`;
const SPARE = `临时应用（${RUN}）`;
const HOOK = 'http://127.0.0.1:9/hook';
const ORIGIN = 'https://h5.example.cn';
/** A past term of the demo school for the text whose publication makes an event (no page opens it). */
const TERM = '2025 春季学期（接口测试）';

type Endpoint = { id: number; url: string; version: number };
type Text = { id: number };

/** Full-page screenshots at the desktop width and at the tablet width the project runs at. */
async function shots(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 1024, height: 768 };
  await page.setViewportSize({ width: 1280, height: 800 });
  await shot(page, `${name}-1280`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await shot(page, `${name}-1024`);
  await page.setViewportSize({ width, height });
}

/** The page's text and form values: a secret shown once must appear nowhere after its dialog closed. */
async function pageHolds(page: Page, secret: string): Promise<boolean> {
  const html = await page.content();
  const values = await page
    .locator('input, textarea')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  return html.includes(secret) || values.includes(secret);
}

/** Reads the secret in the once-only dialog, checks the warning and the copy button, closes it. */
async function takeSecret(page: Page, prefix = ''): Promise<string> {
  const dialog = page.getByTestId('secret-modal');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('secret-warning')).toContainText('密钥只显示这一次');
  await expect(dialog.getByTestId('secret-warning')).toContainText('关闭此窗口后将无法再次查看');
  const secret = await dialog.getByTestId('secret-value').inputValue();
  expect(secret.startsWith(prefix)).toBeTruthy();
  expect(secret.length).toBeGreaterThan(20);
  await dialog.getByTestId('secret-copy').click();
  await expect(page.getByText('已复制到剪贴板').last()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  return secret;
}

/** Closes the once-only dialog by its acknowledging button (it has no other way out). */
async function closeSecret(page: Page): Promise<void> {
  await page.getByTestId('secret-close').click();
  await expect(page.getByTestId('secret-modal')).toHaveCount(0);
}

test('the district admin sets up an API client and a webhook endpoint', async ({ page, context, request, baseURL }) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const district = await caller(request, DISTRICT);
  const me = await district.get<{ district_id: number; grants: { school_id: number; school_name: string }[] }>(
    '/api/v1/me',
  );
  const api = `/api/v1/districts/${me.district_id}`;
  const school = me.grants[0];
  if (!school) throw new Error('the district admin has no school');

  await signIn(page, DISTRICT);
  await page.getByTestId('menu-integration').click();
  await expect(page.getByTestId('integration-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('接口与推送');
  await shots(page, 'integration-01-page');

  // 新增应用: the scopes are required; then events:read and roster:read for one school.
  await page.getByTestId('api-client-create').click();
  const form = page.getByTestId('api-client-form');
  await form.getByLabel('名称').fill(APP);
  await page.getByTestId('api-client-form-submit').click();
  await expect(form.getByText('请至少选择一项权限')).toBeVisible();
  await form.locator('[data-scope="roster:read"]').click();
  await form.locator('[data-scope="events:read"]').click();
  await expect(form.getByText('读取事件流，接收推送（Webhook）')).toBeVisible();
  await form.getByLabel('可访问的学校').click();
  await page.locator('.ant-select-item-option', { hasText: school.school_name }).click();
  await form.getByLabel('名称').click(); // closes the school list
  await shots(page, 'integration-02-create-client');
  await page.getByTestId('api-client-form-submit').click();

  const secret = await takeSecret(page);
  const clientId = await page.getByTestId('secret-client-id').innerText();
  expect(clientId).toMatch(/^kh_/);
  await shots(page, 'integration-03-secret-once');
  await closeSecret(page);

  const row = page.getByTestId('api-clients-row').filter({ hasText: APP });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('api-client-id')).toHaveText(clientId);
  await expect(row.locator('[data-testid="scope-tag"][data-scope="events:read"]')).toHaveText('事件推送');
  await expect(row.locator('[data-testid="scope-tag"][data-scope="roster:read"]')).toHaveText('读取花名册');
  await expect(row.getByTestId('api-client-school')).toHaveText([school.school_name]);
  await expect(row.getByTestId('api-client-status')).toHaveText('正常');
  expect(await pageHolds(page, secret)).toBe(false);

  // 更换密钥 with a one-hour overlap: a new secret, shown once; the old one still works for an hour.
  await row.getByTestId('api-client-rotate').click();
  const rotate = page.getByTestId('rotate-secret');
  await expect(rotate.getByText('立即失效', { exact: true })).toBeVisible();
  await expect(rotate.getByText('7 天', { exact: true })).toBeVisible();
  await rotate.getByText('1 小时', { exact: true }).click();
  await page.getByTestId('rotate-secret-submit').click();
  const rotated = await takeSecret(page);
  expect(rotated).not.toBe(secret);
  await expect(page.getByTestId('secret-previous-until')).toContainText('旧密钥有效至');
  await closeSecret(page);
  await expect(row.getByTestId('api-client-overlap')).toContainText('旧密钥有效至');
  expect(await pageHolds(page, secret)).toBe(false);
  expect(await pageHolds(page, rotated)).toBe(false);

  // 设置来源: a plain-http origin is refused on the field; an https one is kept.
  await row.getByTestId('api-client-edit-origins').click();
  const origins = page.getByTestId('api-client-origins-form');
  const originInput = origins.getByRole('combobox');
  await originInput.fill('http://h5.example.cn');
  await originInput.press('Enter');
  await page.getByTestId('api-client-origins-form-submit').click();
  await expect(origins.getByText('“http://h5.example.cn”不是有效的来源')).toBeVisible();
  await originInput.press('Backspace');
  await originInput.fill(`${ORIGIN}/`);
  await originInput.press('Enter');
  await shots(page, 'integration-04-origins');
  await page.getByTestId('api-client-origins-form-submit').click();
  await expect(origins).toHaveCount(0);
  await expect(row.getByTestId('api-client-origins')).toHaveText(ORIGIN);

  // 新增推送地址: a URL with credentials is refused by the server, shown under the field.
  await page.getByTestId('webhook-create').click();
  const hookForm = page.getByTestId('webhook-form');
  await hookForm.getByTestId('webhook-client').click();
  await page.locator('.ant-select-item-option', { hasText: APP }).click();
  await hookForm.getByLabel('推送地址').fill('https://user:pw@hooks.example.cn/kehou');
  await hookForm.locator('[data-event-type="notice.published"]').click();
  await hookForm.locator('[data-event-type="application.approved"]').click();
  await hookForm.getByLabel('说明').fill('接口测试');
  await page.getByTestId('webhook-form-submit').click();
  await expect(hookForm.getByText('地址中不能包含用户名或密码')).toBeVisible();
  await shots(page, 'integration-05-webhook-refused');
  await hookForm.getByLabel('推送地址').fill(HOOK);
  await page.getByTestId('webhook-form-submit').click();
  const hookSecret = await takeSecret(page, 'whsec_');
  await closeSecret(page);

  const hooks = await district.get<{ items: Endpoint[] }>(`${api}/webhooks?limit=200`);
  const endpoint = hooks.items.filter((e) => e.url === HOOK).sort((a, b) => b.id - a.id)[0];
  if (!endpoint) throw new Error('the endpoint was not registered');
  const hookRow = page.locator(`[data-testid="webhooks-row"][data-row-key="${endpoint.id}"]`);
  await expect(hookRow.getByTestId('webhook-url')).toHaveText(HOOK);
  await expect(hookRow.getByTestId('webhook-client-name')).toHaveText(APP);
  await expect(hookRow.getByTestId('webhook-event-type')).toHaveText(['报名已批准', '告知书或协议发布']);
  await expect(hookRow.getByTestId('webhook-status')).toHaveText('启用中');
  await expect(hookRow.getByTestId('webhook-version')).toHaveText('1');
  expect(await pageHolds(page, hookSecret)).toBe(false);

  // An event: a text published in a past term of the school (notice.published).
  const schoolApi = `/api/v1/schools/${school.school_id}`;
  const terms = await district.get<{ items: Item[] }>(`${schoolApi}/terms?limit=200`);
  const term =
    terms.items.find((x) => x.name === TERM) ??
    (await district.post<Item>(`${schoolApi}/terms`, { name: TERM, start_date: '2025-02-17', end_date: '2025-06-30' }));
  const text = await district.post<Text>(`${schoolApi}/texts`, {
    term_id: term.id,
    kind: 'application_form',
    title: `报名表（接口测试 ${RUN}）`,
    body: '学生姓名、班级、参加的服务项目。',
  });
  await district.post(`${schoolApi}/texts/${text.id}/publish`);

  // 412: someone else changes the description while the form is open; the form reloads theirs.
  await hookRow.getByTestId('webhook-edit').click();
  await expect(hookForm.getByLabel('推送地址')).toHaveValue(HOOK);
  await district.patch(
    `${api}/webhooks/${endpoint.id}`,
    { description: '他人修改' },
    { headers: { 'If-Match': '"1"' } },
  );
  await hookForm.getByLabel('说明').fill('我的修改');
  await page.getByTestId('webhook-form-submit').click();
  await expect(page.getByTestId('webhook-form-error')).toContainText('已被他人修改，请刷新');
  await expect(hookForm.getByLabel('说明')).toHaveValue('他人修改');
  await shots(page, 'integration-06-stale');
  await hookForm.getByLabel('说明').fill('接口测试（已确认）');
  await page.getByTestId('webhook-form-submit').click();
  await expect(hookForm).toHaveCount(0);
  await expect(hookRow.getByTestId('webhook-version')).toHaveText('3');

  // 停用: the endpoint gets no new deliveries.
  await hookRow.getByTestId('webhook-toggle').click();
  await page.getByTestId('webhook-disable-confirm').click();
  await expect(hookRow.getByTestId('webhook-status')).toHaveText('已停用');
  await expect(hookRow.getByTestId('webhook-toggle')).toHaveText('启用');
  await expect(hookRow.getByTestId('webhook-version')).toHaveText('4');
  await shots(page, 'integration-07-disabled');

  // 推送记录: the text's delivery failed once (nothing listens on port 9) and waits for a retry.
  await hookRow.getByTestId('webhook-deliveries').click();
  const drawer = page.getByTestId('deliveries-drawer');
  await expect(drawer).toBeVisible();
  const delivery = drawer.getByTestId('deliveries-table-row').first();
  await expect(delivery).toContainText('告知书或协议发布');
  await expect(async () => {
    await drawer.getByTestId('deliveries-refresh').click();
    await expect(delivery.getByTestId('delivery-error')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(delivery.getByTestId('delivery-status')).toHaveText('待发送');
  await shots(page, 'integration-08-deliveries');
  await delivery.getByTestId('delivery-replay').click();
  await expect(page.getByText('已重新加入推送队列')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 吊销 a second client: it keeps its row, marked revoked, without actions.
  await district.post(`${api}/api-clients`, { name: SPARE, scopes: ['roster:read'] });
  await page.reload();
  const spare = page.getByTestId('api-clients-row').filter({ hasText: SPARE });
  await spare.getByTestId('api-client-revoke').click();
  await expect(page.getByText('此操作不可撤销')).toBeVisible();
  await page.getByTestId('api-client-revoke-confirm').click();
  await expect(spare.getByTestId('api-client-status')).toHaveText('已吊销');
  await expect(spare.getByTestId('api-client-rotate')).toHaveCount(0);
  await expect(spare.getByTestId('api-client-school')).toHaveText(['全部学校']);
  await shots(page, 'integration-09-revoked');
});
