/**
 * Clubs (社团), end to end against the real server. Through the API: the admin makes sure a plan
 * is open with a published agreement, adds a one-seat club with an external teacher, vets the
 * teacher (an unvetted club takes no children) and lets another family of grade 2 take its seat,
 * adds a second external teacher's club left 待审核, and issues an activation code for a guardian
 * of grade 2. In the browser: the admin adds a club in the 社团 page (a staff teacher) and sees the
 * catalogue, then vets the pending teacher in the 审核备案 dialog (通过 needs 无犯罪记录查询); the
 * guardian (375×812) ranks the full club first and the new one second, and the receipt shows
 * where the child stands in each. Runs again on the same database. Screenshots: e2e/screenshots/clubs-*.png.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  ADMIN,
  DISTRICT,
  GUARDIAN_PASSWORD,
  SHOTS,
  caller,
  defaultTerm,
  shot,
  signIn,
  type Item,
  type Term,
} from './support';

const GRADE = 2;

const stamp = String(Date.now()).slice(-6);

const flow = {
  schoolId: 0,
  termId: 0,
  studentName: '',
  phone: '',
  code: '',
  fullClub: `葫芦丝（${stamp}）`,
  newClub: `围棋社（${stamp}）`,
  pendingClub: `书法社（${stamp}）`,
  reason: `家长当天加班（${stamp}）`,
};

/**
 * Picks a club in one of the ranked-choice selects: types part of its name (the catalogue can be
 * longer than the dropdown shows) and clicks the option in the dropdown this select controls.
 */
async function chooseClub(page: Page, choice: Locator, name: string): Promise<void> {
  const select = choice.getByTestId('portal-club-select');
  await select.click();
  const input = select.getByRole('combobox');
  await input.fill(name);
  const listbox = await input.getAttribute('aria-controls');
  expect(listbox, 'the select names its listbox').toBeTruthy();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listbox}"]`) });
  await dropdown.locator('.ant-select-item-option').filter({ hasText: name }).click();
  await expect(select).toContainText(name);
}

test.describe.serial('clubs', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test('setup through the API: open plan, agreement, a full club, activation code', async ({ request }) => {
    const admin = await caller(request, ADMIN);
    const district = await caller(request, DISTRICT);
    const me = await admin.get<{ grants: { school_id: number }[] }>('/api/v1/me');
    flow.schoolId = me.grants[0]?.school_id ?? 1;
    const base = `/api/v1/schools/${flow.schoolId}`;
    flow.termId = defaultTerm((await admin.get<{ items: Term[] }>(`${base}/terms?limit=100`)).items).id;

    const now = Date.now();
    const plan = await admin.post<{ id: number; offerings: { id: number }[] }>(`${base}/service-plans`, {
      term_id: flow.termId,
      window_opens_at: new Date(now - 3_600_000).toISOString(),
      window_closes_at: new Date(now + 30 * 86_400_000).toISOString(),
      offerings: [
        {
          kind: 'afternoon_basic',
          name: '课后基础托管',
          grades: [1, 2, 3, 4, 5, 6],
          weekdays: [1, 2, 3, 4, 5],
          start_time: '16:00',
          end_time: '17:30',
        },
      ],
    });
    await admin.post(`${base}/service-plans/${plan.id}/submit`);
    await district.post(`${base}/service-plans/${plan.id}/approve`, { comment: '同意' });
    const agreement = await admin.post<{ id: number }>(`${base}/texts`, {
      term_id: flow.termId,
      kind: 'agreement',
      title: `课后服务委托协议书（${stamp}）`,
      body: '家长按时接孩子离校；学校按方案组织课后服务和社团活动。',
    });
    await admin.post(`${base}/texts/${agreement.id}/publish`);

    const full = await admin.post<{ id: number; vetting_status: string; vetting_checks: string[] }>(`${base}/clubs`, {
      term_id: flow.termId,
      name: flow.fullClub,
      category: '美',
      grade_min: 1,
      grade_max: 3,
      weekdays: [2, 4],
      capacity: 1,
      external_teacher: '王老师（外聘）',
    });
    // An external teacher starts pending and takes no children until the school admin vets them.
    expect(full).toMatchObject({ vetting_status: 'pending', vetting_checks: [] });
    const vetted = await admin.post<{ vetting_status: string; vetting_checks: string[]; vetted_at: string | null }>(
      `${base}/clubs/${full.id}/vetting`,
      { decision: 'approved', checks: ['no_criminal_record'] },
    );
    expect(vetted).toMatchObject({ vetting_status: 'approved', vetting_checks: ['no_criminal_record'] });
    expect(vetted.vetted_at).toBeTruthy();

    // A second external teacher, left for the admin to vet in the browser.
    await admin.post(`${base}/clubs`, {
      term_id: flow.termId,
      name: flow.pendingClub,
      category: '美',
      grade_min: 1,
      grade_max: 6,
      weekdays: [3],
      capacity: 15,
      external_teacher: '李老师（外聘）',
    });

    const homerooms = await admin.get<{ items: Item[] }>(`${base}/homerooms?grade=${GRADE}&limit=100`);
    const open = await admin.get<{ items: { student_id: number; status: string }[] }>(
      `${base}/applications?term_id=${flow.termId}&limit=200`,
    );
    const applied = new Set(
      open.items.filter((a) => !['rejected', 'withdrawn'].includes(a.status)).map((a) => a.student_id),
    );
    const offering = plan.offerings[0]?.id;
    let seated = false;
    for (const homeroom of homerooms.items) {
      const students = await admin.get<{ items: Item[] }>(`${base}/students?homeroom_id=${homeroom.id}&limit=100`);
      for (const s of students.items) {
        if (applied.has(s.id)) continue;
        if (!seated) {
          // Another family takes the full club's only seat.
          const answer = await admin.attempt(`${base}/applications`, {
            term_id: flow.termId,
            student_id: s.id,
            offerings: [{ offering_id: offering }],
            club_choices: [full.id],
            leave_mode: 'pickup',
            agreement_text_id: agreement.id,
            accept_agreement: true,
          });
          seated = answer.status() === 201;
          continue;
        }
        const guardians = await admin.get<{ items: { id: number; phone: string; activated: boolean }[] }>(
          `${base}/students/${s.id}/guardians`,
        );
        const g = guardians.items.find((x) => !x.activated);
        if (!g) continue;
        const code = await admin.post<{ code: string }>(`${base}/guardians/${g.id}/activation-code`);
        Object.assign(flow, { studentName: s.name, phone: g.phone, code: code.code });
        break;
      }
      if (flow.code) break;
    }
    expect(seated, 'another family took the seat').toBeTruthy();
    expect(flow.code, 'a guardian to activate').toMatch(/^\d{8}$/);
  });

  test('the admin adds a club and sees the catalogue', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByTestId('menu-clubs').click();
    await expect(page.getByTestId('clubs-page')).toBeVisible();
    const full = page.getByTestId('clubs-row').filter({ hasText: flow.fullClub });
    await expect(full.getByTestId('club-vetting')).toHaveText('已通过');
    await expect(full.getByTestId('club-vetting-detail')).toContainText('核查项目：无犯罪记录查询');
    await expect(full.getByTestId('club-usage')).toContainText('1/1');

    await page.getByTestId('club-create').click();
    const form = page.getByTestId('club-form');
    await form.getByTestId('club-form-name').fill(flow.newClub);
    await form.getByTestId('club-form-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="智"]').click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await form.getByTestId('club-form-capacity').fill('20');
    // An external teacher is not vetted here: the form only says who does it.
    await form.getByTestId('club-form-teacher-kind').getByText('外聘').click();
    await expect(form.getByTestId('club-form-vetting-hint')).toHaveText('外聘教师需经学校管理员审核备案后方可接收学生');
    await shot(page, 'clubs-01-admin-create-external');
    await form.getByTestId('club-form-teacher-kind').getByText('本校教师').click();
    await form.getByTestId('club-form-teacher').click();
    // The teacher picker's dropdown is the one opened last.
    await page.locator('.ant-select-dropdown:visible').last().locator('.ant-select-item-option').first().click();
    await shot(page, 'clubs-01-admin-create');
    await page.getByTestId('club-form-submit').click();
    await expect(page.getByText(`已新增社团「${flow.newClub}」`)).toBeVisible();
    await expect(page.getByTestId('clubs-row').filter({ hasText: flow.newClub })).toHaveCount(1);
    await shot(page, 'clubs-02-admin-list');
  });

  test('the admin vets a pending external teacher', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByTestId('menu-clubs').click();
    const row = page.getByTestId('clubs-row').filter({ hasText: flow.pendingClub });
    await expect(row.getByTestId('club-vetting')).toHaveText('待审核');
    await expect(row.getByTestId('club-vetting-detail')).toHaveCount(0);
    await row.getByTestId('club-vet').click();

    const form = page.getByTestId('vetting-form');
    await expect(page.getByRole('dialog')).toContainText('李老师（外聘）');
    // 通过 without the criminal-record check is refused before anything is sent.
    await form.getByTestId('vetting-checks').getByText('健康证明').click();
    await page.getByTestId('vetting-form-submit').click();
    await expect(form.getByText('审核通过须完成无犯罪记录查询')).toBeVisible();
    await form.getByTestId('vetting-checks').getByText('无犯罪记录查询').click();
    await expect(form.getByText('审核通过须完成无犯罪记录查询')).toHaveCount(0);
    await form.getByTestId('vetting-checks').getByText('安全培训').click();
    await form.getByTestId('vetting-note').fill(`无犯罪记录证明 ${stamp}`);
    await shot(page, 'clubs-03-admin-vetting');
    await page.getByTestId('vetting-form-submit').click();

    await expect(page.getByText(`已记录「${flow.pendingClub}」的审核备案`)).toBeVisible();
    await expect(form).toHaveCount(0);
    await expect(row.getByTestId('club-vetting')).toHaveText('已通过');
    const detail = row.getByTestId('club-vetting-detail');
    await expect(detail).toContainText('审核人：周主任');
    await expect(detail).toContainText('核查项目：无犯罪记录查询、健康证明、安全培训');
    await expect(detail).toContainText(/时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await shot(page, 'clubs-04-admin-vetted');
  });

  test.describe('the guardian on a phone', () => {
    test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

    test('ranks two clubs, applies and sees where the child stands in each', async ({ page }) => {
      await page.goto('/login');
      await page.getByTestId('login-activate').click();
      await page.getByTestId('activate-phone').fill(flow.phone);
      await page.getByTestId('activate-code').fill(flow.code);
      await page.getByTestId('activate-password').fill(GUARDIAN_PASSWORD);
      await page.getByTestId('activate-confirm').fill(GUARDIAN_PASSWORD);
      await page.getByTestId('activate-submit').click();
      await page.getByTestId('portal-child').filter({ hasText: flow.studentName }).click();
      await page.getByTestId('portal-apply').click();
      const form = page.getByTestId('portal-apply-form');
      await form.getByTestId('portal-offering').first().getByTestId('portal-offering-check').click();

      const clubs = form.getByTestId('portal-clubs');
      await clubs.getByTestId('portal-club-add').click();
      await chooseClub(page, clubs.getByTestId('portal-club-choice').nth(0), flow.fullClub);
      await clubs.getByTestId('portal-club-add').click();
      await chooseClub(page, clubs.getByTestId('portal-club-choice').nth(1), flow.newClub);
      await form.getByTestId('portal-accept').click();
      await shot(page, 'clubs-05-portal-choices');
      await page.getByTestId('portal-apply-submit').click();

      await expect(page.getByTestId('portal-submitted')).toBeVisible();
      const choices = page.getByTestId('portal-club-choices').getByTestId('club-choice');
      await expect(choices).toHaveCount(2);
      // The first choice is full, so the first choice with a free seat holds a place for the
      // child while the application is reviewed; a child waits only when every choice is full.
      await expect(choices.nth(0)).toContainText(flow.fullClub);
      await expect(choices.nth(0).getByTestId('club-placement')).toHaveText('名额已满');
      await expect(choices.nth(1)).toContainText(flow.newClub);
      await expect(choices.nth(1).getByTestId('club-placement')).toHaveText('名额保留中（待审核）');
      await shot(page, 'clubs-06-portal-receipt');
    });

    test('asks for a special late service, which the school approves', async ({ page, browser }) => {
      await page.goto('/login');
      await page.getByLabel('用户名').fill(flow.phone);
      await page.getByLabel('密码').fill(GUARDIAN_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('portal-child').filter({ hasText: flow.studentName }).click();
      await page.getByTestId('portal-request-new').click();
      const form = page.getByTestId('portal-request-form');
      await form.getByTestId('portal-request-kind').getByText('特殊延时', { exact: false }).first().click();
      // The times offered start after the service ends (17:30).
      await form.getByTestId('portal-request-until').click();
      const times = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect(times.first()).toHaveText('17:40');
      await times.filter({ hasText: '18:30' }).click();
      await form.getByTestId('portal-request-reason').fill(flow.reason);
      await shot(page, 'clubs-07-portal-request');
      await form.getByTestId('portal-request-submit').click();
      await expect(page.getByTestId('portal-request-sent')).toBeVisible();
      const sent = page.getByTestId('portal-request').filter({ hasText: flow.reason });
      await expect(sent.getByTestId('portal-request-status')).toHaveText('待审批');

      // The school office approves it on its tablet.
      const office = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      await signIn(office, ADMIN);
      await office.getByTestId('menu-service-requests').click();
      const row = office.getByTestId('service-requests-row').filter({ hasText: flow.studentName });
      await expect(row.getByTestId('request-status')).toHaveText('待审批');
      await row.getByTestId('request-approve').click();
      await office.getByTestId('request-review-comment').fill('同意，18:30 前由值班老师看护');
      await office.getByTestId('request-review-form-submit').click();
      // Reviewed, it leaves the queue of requests waiting; under 全部 it shows as approved.
      await expect(row).toHaveCount(0);
      await office.getByTestId('request-status-filter').getByText('全部').click();
      await expect(row.getByTestId('request-status')).toHaveText('已同意');
      await shot(office, 'clubs-08-office-request');
      await office.close();

      await page.reload();
      await expect(sent.getByTestId('portal-request-status')).toHaveText('已同意');
      await shot(page, 'clubs-09-portal-request-approved');
    });
  });
});
