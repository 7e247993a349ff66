/**
 * The tour: every page of every staff role's menu in the demo, in the middle of its term
 * (`kehou serve --demo`), each checked for data and saved as a full-page screenshot in
 * test-results/tour/<role>-<page>.png. Runs only with KEHOU_TOUR=1 (playwright.config.ts), on a
 * server started with the full demo; the other specs build their own term on a roster-only one.
 *
 * Each role signs in, its side menu must list exactly the pages below (a page added to a role
 * needs a check here), and each page is opened from the menu, left to load, and checked in a
 * way that fails on an empty page: a table has data rows and no antd empty placeholder, key
 * figures are not zero. The checks are soft: an empty page is reported, and the tour goes on,
 * so one run gives every screenshot and every empty page. As the school admin the tour also opens
 * one application in each status, the notice and the agreement, and a class of the informed
 * report; as the district admin it reviews the plan 示范区新城小学 submitted.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ADMIN, DISTRICT, GATE, TEACHER, signIn } from './support';

/** The demo's other staff accounts (the same `KEHOU_E2E_…_USERNAME` overrides as in support.ts). */
const TUTOR = process.env.KEHOU_E2E_TUTOR_USERNAME ?? 'tutor';
const FINANCE = process.env.KEHOU_E2E_FINANCE_USERNAME ?? 'finance';
const INSPECTOR = process.env.KEHOU_E2E_INSPECTOR_USERNAME ?? 'inspector';

/** The demo district's school whose plan waits for the district's review. */
const SUBMITTING_SCHOOL = '示范区新城小学';

const TOUR = path.join(import.meta.dirname, '..', 'test-results', 'tour');

/** Soft: an empty page is reported at the end of the role's walk, the other pages are still seen. */
const check = expect.soft;

/** The content of a page: the <main> landmark, without the side menu and the header. */
const main = (page: Page) => page.getByRole('main');

/**
 * Saves a full-page screenshot as test-results/tour/`name`.png, from the top of the page, once the
 * side menu stands expanded (a tablet's 1024 px keep it open).
 */
async function tourShot(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('sider')).toHaveCSS('width', '208px');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(TOUR, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * A screenshot of the page with its open drawer in full: a drawer is as tall as the window and
 * scrolls inside, so the window is made as tall as the drawer's content for the shot.
 */
async function drawerShot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  const body = page.locator('.ant-drawer-open .ant-drawer-body');
  const hidden = await body.evaluate((el) => el.scrollHeight - el.clientHeight);
  if (size && hidden > 0) await page.setViewportSize({ width: size.width, height: size.height + hidden });
  await tourShot(page, name);
  if (size) await page.setViewportSize(size);
}

/** Waits until nothing in `scope` spins (a page's Spin, a table's loading mask). */
async function settled(scope: Locator): Promise<void> {
  await expect(scope.locator('.ant-spin-spinning')).toHaveCount(0);
}

/**
 * A table (by the test id of its wrapper) that shows data: at least `min` rows, and neither antd's
 * empty placeholder nor its "暂无数据" picture. Once loaded the table shows rows or the placeholder,
 * so an empty one is reported at once.
 */
async function hasRows(page: Page, testId: string, min = 1): Promise<void> {
  const table = page.getByTestId(testId);
  await expect(table).toBeVisible();
  await settled(table);
  const rows = table.locator('tr.ant-table-row');
  const empty = table.locator('.ant-table-placeholder, .ant-empty');
  await expect(rows.first().or(empty.first())).toBeVisible();
  check(await empty.count(), `${testId} shows an empty placeholder`).toBe(0);
  check(await rows.count(), `${testId}: rows`).toBeGreaterThanOrEqual(min);
}

/** The number an antd Statistic (by test id) shows, e.g. 690 or 78.2 (of 78.2%). */
async function figure(page: Page, testId: string): Promise<number> {
  const value = page.getByTestId(testId).locator('.ant-statistic-content-value');
  await expect(value).toBeVisible();
  return Number((await value.innerText()).replace(/[^\d.]/g, '') || 'NaN');
}

/** Picks `label` in the antd Select opened by clicking `select`. */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  // A click that lands while the dropdown is still opening can miss: try again until the
  // select shows the choice.
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`)
      .click({ timeout: 2_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** Switches the header's school picker (district accounts) to `name`. */
async function switchSchool(page: Page, name: string): Promise<void> {
  const switcher = page.getByTestId('school-switcher');
  await choose(page, switcher, name);
  await expect(switcher).toContainText(name);
}

/** What a walk knows beyond the page: the school the account opened in (district accounts). */
type Walk = { firstSchool?: string };

type TourPage = {
  /** The route the menu entry opens. */
  path: string;
  /** The test id of the page's frame (the route's `Page`). */
  testId: string;
  /** What must be on the page once it has loaded (soft expectations), before the screenshot. */
  check: (page: Page, walk: Walk) => Promise<void>;
  /** Puts back what `check` changed (e.g. the school picked in the header), after the screenshot. */
  after?: (page: Page, walk: Walk) => Promise<void>;
};

/** Every page of the staff menu, by the test id of its menu entry (`menu-` + the shot's name). */
const PAGES: Record<string, TourPage> = {
  'menu-district-schools': {
    path: '/district/schools',
    testId: 'district-schools-page',
    check: async (page) => {
      await hasRows(page, 'schools-table', 2);
      // 新城小学's plan is submitted: the list says it waits for the district.
      const school = page.getByTestId('schools-table').locator('tr.ant-table-row', { hasText: SUBMITTING_SCHOOL });
      await check(school.getByTestId('school-plan-status')).toHaveText('待审批');
    },
  },
  'menu-district-staff': {
    path: '/district/staff',
    testId: 'district-staff-page',
    check: (page) => hasRows(page, 'district-staff-table'),
  },
  'menu-students': {
    path: '/roster/students',
    testId: 'students-page',
    check: (page) => hasRows(page, 'students-table'),
  },
  'menu-homerooms': {
    path: '/roster/homerooms',
    testId: 'homerooms-page',
    check: (page) => hasRows(page, 'homerooms-table'),
  },
  'menu-staff': {
    path: '/roster/staff',
    testId: 'staff-page',
    check: (page) => hasRows(page, 'staff-table'),
  },
  'menu-rooms': {
    path: '/roster/rooms',
    testId: 'rooms-page',
    check: (page) => hasRows(page, 'rooms-table'),
  },
  'menu-terms': {
    path: '/roster/terms',
    testId: 'terms-page',
    check: (page) => hasRows(page, 'terms-table'),
  },
  'menu-imports': {
    path: '/roster/imports',
    testId: 'imports-page',
    // Legitimately without data: the import wizard opens on its first step, a file to upload.
    // What it shows instead: the steps and the file input.
    check: async (page) => {
      const wizard = page.getByTestId('imports-page');
      await check(wizard.locator('.ant-steps-item')).not.toHaveCount(0);
      await check(wizard.locator('input[type="file"]')).toHaveCount(1);
    },
  },
  'menu-plans': {
    path: '/applications/plans',
    testId: 'plans-page',
    check: async (page) => {
      await check(page.getByTestId('plan-approved-alert')).toBeVisible();
      await hasRows(page, 'service-plans-table');
      // The effective version opens on its offerings; the capped late extension has a queue.
      await check(page.getByTestId('service-plans-table')).toContainText(/\d+\/\d+，候补 [1-9]\d*/);
    },
  },
  'menu-plan-approvals': {
    path: '/applications/plan-approvals',
    testId: 'plan-approvals-page',
    // The school the district opens on has its plan approved, so nothing waits there (the page says
    // 该校暂无待审批的方案); the tour looks at the school whose plan waits for the district.
    check: async (page) => {
      await switchSchool(page, SUBMITTING_SCHOOL);
      const approvals = page.getByTestId('plan-approvals');
      await settled(approvals);
      await check(approvals.getByTestId('plan-approval').first()).toBeVisible();
      await check(approvals.getByTestId('plan-approve')).not.toHaveCount(0);
      await check(approvals.locator('.ant-empty')).toHaveCount(0);
      await hasRows(page, 'plan-approvals');
    },
    after: async (page, walk) => {
      if (walk.firstSchool) await switchSchool(page, walk.firstSchool);
    },
  },
  'menu-texts': {
    path: '/applications/texts',
    testId: 'texts-page',
    check: async (page) => {
      await hasRows(page, 'texts-table', 2);
      const table = page.getByTestId('texts-table');
      await check(table.getByTestId('text-open').filter({ hasText: '致家长的一封信' })).toBeVisible();
      await check(table.getByTestId('text-open').filter({ hasText: '课后服务委托协议书' })).toBeVisible();
      await check(table.locator('[data-testid="text-status"][data-status="published"]')).not.toHaveCount(0);
    },
  },
  'menu-clubs': {
    path: '/applications/clubs',
    testId: 'clubs-page',
    check: async (page) => {
      await hasRows(page, 'clubs-table');
      // 示范·围棋社 is full and has a waitlist.
      const go = page.getByTestId('clubs-table').locator('tr.ant-table-row', { hasText: '示范·围棋社' });
      await check(go.getByTestId('club-usage')).toContainText(/候补 [1-9]\d*/);
    },
  },
  'menu-informed': {
    path: '/applications/informed',
    testId: 'informed-page',
    check: async (page) => {
      await check(page.getByTestId('informed-report')).toBeVisible();
      check(await figure(page, 'informed-rate'), 'the informed rate').toBeGreaterThan(0);
      check(await figure(page, 'informed-count'), 'families informed').toBeGreaterThan(0);
      await hasRows(page, 'informed-table');
    },
  },
  'menu-review': {
    path: '/applications/review',
    testId: 'review-page',
    // A homeroom teacher opens on what waits for the class review, an admin on the school review.
    check: (page) => hasRows(page, 'applications-table'),
  },
  'menu-service-requests': {
    path: '/applications/service-requests',
    testId: 'service-requests-page',
    // Opens on the requests waiting for approval.
    check: (page) => hasRows(page, 'service-requests-table'),
  },
  'menu-stats': {
    path: '/applications/stats',
    testId: 'stats-page',
    check: async (page) => {
      await check(page.getByTestId('application-stats')).toBeVisible();
      for (const key of ['eligible', 'applied', 'in_review', 'approved', 'refused', 'withdrawn', 'waiting']) {
        check(await figure(page, `stats-${key}`), `stats: ${key}`).toBeGreaterThan(0);
      }
      check(await figure(page, 'stats-participation'), 'the participation rate').toBeGreaterThan(0);
      await hasRows(page, 'stats-by-grade');
    },
  },
  'menu-audit-events': {
    path: '/admin/audit-events',
    testId: 'audit-page',
    // No filter chosen: the log lists every event of the school, newest first.
    check: (page) => hasRows(page, 'audit-table'),
  },
  'menu-integration': {
    path: '/admin/integration',
    testId: 'integration-page',
    check: async (page) => {
      await hasRows(page, 'api-clients-table');
      await hasRows(page, 'webhooks-table');
    },
  },
};

const ROSTER = ['menu-students', 'menu-homerooms', 'menu-staff', 'menu-rooms', 'menu-terms'];

/** Each role's menu, in the menu's order. */
const ROLES: { role: string; username: string; menu: string[] }[] = [
  {
    role: 'admin',
    username: ADMIN,
    menu: [
      ...ROSTER,
      'menu-imports',
      'menu-plans',
      'menu-texts',
      'menu-clubs',
      'menu-informed',
      'menu-review',
      'menu-service-requests',
      'menu-stats',
      'menu-audit-events',
    ],
  },
  {
    role: 'teacher',
    username: TEACHER,
    menu: [
      'menu-students',
      'menu-homerooms',
      'menu-rooms',
      'menu-terms',
      'menu-clubs',
      'menu-informed',
      'menu-review',
      'menu-service-requests',
    ],
  },
  {
    role: 'tutor',
    username: TUTOR,
    menu: ['menu-students', 'menu-homerooms', 'menu-rooms', 'menu-terms', 'menu-clubs'],
  },
  { role: 'finance', username: FINANCE, menu: ['menu-students', 'menu-homerooms', 'menu-terms'] },
  { role: 'gate', username: GATE, menu: ['menu-students', 'menu-homerooms', 'menu-terms'] },
  {
    role: 'district',
    username: DISTRICT,
    menu: [
      'menu-district-schools',
      'menu-district-staff',
      ...ROSTER,
      'menu-imports',
      'menu-plans',
      'menu-plan-approvals',
      'menu-texts',
      'menu-clubs',
      'menu-informed',
      'menu-review',
      'menu-service-requests',
      'menu-stats',
      'menu-audit-events',
      'menu-integration',
    ],
  },
  {
    role: 'inspector',
    username: INSPECTOR,
    menu: ['menu-district-schools', ...ROSTER, 'menu-plans', 'menu-clubs', 'menu-stats'],
  },
];

/** The test ids of the entries of the side menu, in order. */
async function menuEntries(page: Page): Promise<string[]> {
  return page
    .getByTestId('side-menu')
    .locator('[data-testid^="menu-"]')
    .evaluateAll((entries) => entries.map((e) => e.getAttribute('data-testid') ?? ''));
}

/** Opens a page from the side menu and waits for its frame. */
async function open(page: Page, entry: string): Promise<TourPage> {
  const target = PAGES[entry];
  if (!target) throw new Error(`the tour has no check for the menu entry ${entry}`);
  await page.getByTestId('side-menu').getByTestId(entry).click();
  await expect(page).toHaveURL((url) => url.pathname === target.path);
  await expect(page.getByTestId(target.testId)).toBeVisible();
  await expect(main(page).getByRole('heading', { level: 1 })).toBeVisible();
  await settled(main(page));
  return target;
}

/** Signs `username` in and checks, then photographs, each page of the menu. */
async function tour(page: Page, role: string, username: string, menu: string[]): Promise<void> {
  await signIn(page, username);
  expect(await menuEntries(page), `the menu of ${role}`).toEqual(menu);
  // The school the account opens in, for pages that switch to another one.
  const switcher = page.getByTestId('school-switcher');
  const walk: Walk = {};
  if ((await switcher.count()) > 0) {
    walk.firstSchool = (await switcher.locator('.ant-select-selection-item').innerText()).trim();
  }
  for (const entry of menu) {
    await test.step(entry.replace(/^menu-/, ''), async () => {
      const target = await open(page, entry);
      await target.check(page, walk);
      await settled(main(page));
      // Whatever the page: no antd "暂无数据" picture, no error alert (a refused or failed call).
      check(await main(page).locator('.ant-empty').count(), `${entry}: an empty picture`).toBe(0);
      check(await main(page).locator('.ant-alert-error').count(), `${entry}: an error`).toBe(0);
      await tourShot(page, `${role}-${entry.replace(/^menu-/, '')}`);
      await target.after?.(page, walk);
    });
  }
}

test.describe('tour of the demo', () => {
  test.beforeAll(() => mkdirSync(TOUR, { recursive: true }));

  for (const { role, username, menu } of ROLES) {
    test(`${role}: every page of the menu shows data`, async ({ page }) => {
      test.setTimeout(120_000);
      await tour(page, role, username, menu);
    });
  }

  test('admin: an application in each status, the texts, a class of the informed report', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, ADMIN);

    // 报名审核: one application of each status, opened from the queue filtered on it.
    await open(page, 'menu-review');
    const statuses: [string, string][] = [
      ['submitted', '待班级审核'],
      ['class_approved', '待学校复核'],
      ['approved', '已批准'],
      ['returned_for_changes', '退回修改'],
      ['rejected', '未通过'],
      ['withdrawn', '已撤回'],
    ];
    for (const [status, label] of statuses) {
      await test.step(status, async () => {
        await choose(page, page.getByTestId('review-filter-status'), label);
        await hasRows(page, 'applications-table');
        const rows = page.getByTestId('applications-table').locator('tr.ant-table-row');
        await check(rows.getByTestId('application-row-status').first()).toHaveText(label);
        await rows.first().getByTestId('application-open').click();
        const drawer = page.getByTestId('application-drawer');
        await expect(drawer.getByTestId('application-detail')).toBeVisible();
        await settled(drawer);
        await check(drawer.getByTestId('application-status')).toHaveText(label);
        await check(drawer.getByTestId('applied-offering').first()).toBeVisible();
        await check(drawer.getByTestId('history-event').first()).toBeVisible();
        if (status === 'returned_for_changes') {
          // Sent back with a comment for the family.
          await check(drawer.getByTestId('history-comment').first()).toHaveText(/意见：\S+/);
        }
        if (status === 'rejected') {
          // Refused with a reason.
          await check(drawer.getByText('不通过原因', { exact: true })).toBeVisible();
        }
        if (status === 'withdrawn') {
          await check(drawer.getByText('生效日期', { exact: true })).toBeVisible();
        }
        await drawerShot(page, `admin-application-${status.replaceAll('_', '-')}`);
        await page.keyboard.press('Escape');
        await expect(drawer).toBeHidden();
      });
    }

    // 告知书与协议: the published notice and agreement, read in full.
    await open(page, 'menu-texts');
    for (const [title, name] of [
      ['致家长的一封信', 'notice'],
      ['课后服务委托协议书', 'agreement'],
    ]) {
      await test.step(name, async () => {
        await page.getByTestId('texts-table').getByTestId('text-open').filter({ hasText: title }).click();
        const drawer = page.getByTestId('text-drawer');
        await expect(drawer).toBeVisible();
        await check(drawer).toContainText(title);
        await check(drawer.getByTestId('text-sha256')).toHaveText(/[0-9a-f]{8}/);
        await check(drawer.getByTestId('text-drawer-body')).toHaveText(/\S{20,}/);
        await drawerShot(page, `admin-texts-${name}`);
        await page.keyboard.press('Escape');
        await expect(drawer).toBeHidden();
      });
    }

    // 知晓情况: a class with families not yet informed, opened on their children's names.
    await test.step('informed class', async () => {
      await open(page, 'menu-informed');
      const rows = page.getByTestId('informed-table').locator('tr.ant-table-row');
      await check(rows.first()).toBeVisible();
      await rows.first().locator('.ant-table-row-expand-icon').click();
      await check(page.getByTestId('not-informed-student').first()).toBeVisible();
      await tourShot(page, 'admin-informed-class');
    });
  });
});
