/**
 * Applications (报名), end to end against the real server. Through the API: the admin drafts and
 * submits a plan version with a capped offering, the district approves it, the admin publishes a
 * notice and an agreement and issues an activation code for the guardian of a student of
 * 一年级1班 (another family first takes the capped offering's only seat). In the browser: the
 * guardian (375×812) activates, reads the notice, applies (waiting in the queue of the capped
 * offering), accepts the agreement and keeps the receipt; the homeroom teacher approves in the
 * review queue (tablet); the admin does the school review, checks the evidence and looks at the
 * other pages; the district sees the plan; the guardian signs in again and sees 已批准 and the
 * receipt. Screenshots: e2e/screenshots/apps-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  DISTRICT,
  GUARDIAN_PASSWORD,
  SHOTS,
  TEACHER,
  caller,
  defaultTerm,
  shot,
  signIn,
  type Item,
  type Term,
} from './support';

/** The homeroom the demo `teacher` leads. */
const HOMEROOM = '一年级1班';

const PHONE_VIEWPORT = { width: 375, height: 812 };
const stamp = String(Date.now()).slice(-6);

/** What the API setup made, for the browser steps. */
const flow = {
  schoolId: 0,
  termId: 0,
  studentId: 0,
  studentName: '',
  phone: '',
  code: '',
  noticeTitle: `致家长的一封信（${stamp}）`,
  agreementTitle: `课后服务委托协议书（${stamp}）`,
  agreementVersion: 0,
  agreementSha: '',
  applicationNumber: '',
};

type Plan = { id: number; offerings: { id: number; kind: string; name: string }[] };
type Text = { id: number; version_no: number; sha256: string };

test.describe.serial('applications', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test('setup through the API: plan, approval, texts, activation code', async ({ request }) => {
    const admin = await caller(request, ADMIN);
    const district = await caller(request, DISTRICT);
    const me = await admin.get<{ grants: { school_id: number }[] }>('/api/v1/me');
    flow.schoolId = me.grants[0]?.school_id ?? 1;
    const base = `/api/v1/schools/${flow.schoolId}`;
    const terms = await admin.get<{ items: Term[] }>(`${base}/terms?limit=100`);
    flow.termId = defaultTerm(terms.items).id;

    // A plan version: the basic afternoon service for all, and a late extension with one seat.
    const now = Date.now();
    const plan = await admin.post<Plan>(`${base}/service-plans`, {
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
          early_grades_start_time: '16:30',
        },
        {
          kind: 'late_extension',
          name: '延时托管',
          grades: [1, 2],
          weekdays: [1, 2, 3, 4],
          start_time: '17:30',
          end_time: '18:30',
          cap: 1,
        },
      ],
    });
    await admin.post(`${base}/service-plans/${plan.id}/submit`);
    await district.post(`${base}/service-plans/${plan.id}/approve`, { comment: '同意，按方案组织实施' });

    const notice = await admin.post<Text>(`${base}/texts`, {
      term_id: flow.termId,
      kind: 'notice',
      title: flow.noticeTitle,
      body: '尊敬的家长：\n为解决“三点半”接孩子难题，学校本学期继续开展课后服务。\n服务遵循家长自愿原则，每周一至周五放学后开展，内容为作业辅导、阅读和社团活动，不上新课、不考试。\n请阅读后在家长端报名。',
    });
    await admin.post(`${base}/texts/${notice.id}/publish`);
    const agreement = await admin.post<Text>(`${base}/texts`, {
      term_id: flow.termId,
      kind: 'agreement',
      title: flow.agreementTitle,
      body: '一、学校职责：按方案组织课后服务，落实考勤、看护和交接制度。\n二、家长职责：按时接孩子离校；如需请假，提前告知班主任。\n三、学生职责：遵守纪律，服从老师管理。\n四、家长可随时申请退出，服务自退出生效日起终止。',
    });
    await admin.post(`${base}/texts/${agreement.id}/publish`);
    flow.agreementVersion = agreement.version_no;
    flow.agreementSha = agreement.sha256;

    // Another family (一年级2班) takes the only seat of the late extension first.
    const offerings = plan.offerings;
    const capped = offerings.find((o) => o.kind === 'late_extension');
    if (!capped) throw new Error('no capped offering');
    const homerooms = await admin.get<{ items: Item[] }>(`${base}/homerooms?grade=1&limit=100`);
    const ours = homerooms.items.find((h) => h.name === HOMEROOM);
    const other = homerooms.items.find((h) => h.name !== HOMEROOM);
    if (!ours || !other) throw new Error('the demo school lacks the grade 1 homerooms');
    const others = await admin.get<{ items: Item[] }>(`${base}/students?homeroom_id=${other.id}&limit=100`);
    let seated = false;
    for (const s of others.items) {
      const answer = await admin.attempt(`${base}/applications`, {
        term_id: flow.termId,
        student_id: s.id,
        offerings: [{ offering_id: capped.id }],
        leave_mode: 'pickup',
        agreement_text_id: agreement.id,
        accept_agreement: true,
      });
      if (answer.status() === 201) {
        seated = true;
        break;
      }
    }
    expect(seated, 'a family of another homeroom took the seat').toBeTruthy();

    // Our family: a student of 一年级1班 without an open application, with a guardian not yet activated.
    const open = await admin.get<{ items: { student_id: number; status: string }[] }>(
      `${base}/applications?term_id=${flow.termId}&homeroom_id=${ours.id}&limit=200`,
    );
    const applied = new Set(
      open.items.filter((a) => !['rejected', 'withdrawn'].includes(a.status)).map((a) => a.student_id),
    );
    const students = await admin.get<{ items: Item[] }>(`${base}/students?homeroom_id=${ours.id}&limit=100`);
    for (const s of students.items) {
      if (applied.has(s.id)) continue;
      const guardians = await admin.get<{ items: { id: number; phone: string; activated: boolean }[] }>(
        `${base}/students/${s.id}/guardians`,
      );
      const g = guardians.items.find((x) => !x.activated);
      if (!g) continue;
      const code = await admin.post<{ code: string }>(`${base}/guardians/${g.id}/activation-code`);
      Object.assign(flow, { studentId: s.id, studentName: s.name, phone: g.phone, code: code.code });
      break;
    }
    expect(flow.code, 'a guardian to activate').toMatch(/^\d{8}$/);
  });

  test.describe('the guardian applies on a phone', () => {
    test.use({ viewport: PHONE_VIEWPORT, hasTouch: true });

    test('activates, reads the notice, applies, accepts the agreement and keeps the receipt', async ({
      page,
      request,
    }) => {
      await test.step('activate from the login page (家长首次登录/激活)', async () => {
        await page.goto('/login');
        await page.getByTestId('login-activate').click();
        await expect(page.getByTestId('activate-page')).toBeVisible();
        await page.getByTestId('activate-phone').fill(flow.phone);
        await page.getByTestId('activate-code').fill(flow.code);
        await page.getByTestId('activate-password').fill(GUARDIAN_PASSWORD);
        await page.getByTestId('activate-confirm').fill(GUARDIAN_PASSWORD);
        await shot(page, 'apps-01-activate');
        await page.getByTestId('activate-submit').click();
        await expect(page.getByTestId('portal-children')).toBeVisible();
        await expect(page).toHaveURL(/\/portal$/);
        await shot(page, 'apps-02-portal-children');
      });

      await test.step('open the child and read the notice (records the receipt)', async () => {
        await page.getByTestId('portal-child').filter({ hasText: flow.studentName }).click();
        await expect(page.getByTestId('portal-child-name')).toHaveText(flow.studentName);
        await expect(page.getByTestId('portal-notice')).toContainText(flow.noticeTitle);
        await shot(page, 'apps-03-portal-child');
        await page.getByTestId('portal-notice-open').click();
        await expect(page.getByTestId('portal-notice-body')).toContainText('家长自愿');
        await shot(page, 'apps-04-portal-notice');
        await page.getByTestId('portal-notice-done').click();
        await expect(page.getByTestId('portal-notice-read')).toBeVisible();
      });

      await test.step('the school now counts the family as informed', async () => {
        const admin = await caller(request, ADMIN);
        const report = await admin.get<{ homerooms: { not_informed: { student_id: number }[] }[] }>(
          `/api/v1/schools/${flow.schoolId}/terms/${flow.termId}/informed-report`,
        );
        const missing = report.homerooms.flatMap((h) => h.not_informed.map((s) => s.student_id));
        expect(missing).not.toContain(flow.studentId);
      });

      await test.step('apply: offerings and days, leave mode, exemption, the agreement', async () => {
        await page.getByTestId('portal-apply').click();
        const form = page.getByTestId('portal-apply-form');
        await expect(form).toBeVisible();
        const basic = form.getByTestId('portal-offering').filter({ hasText: '课后基础托管' });
        await basic.getByTestId('portal-offering-check').click();
        // Only the offering's days are offered; this family needs Monday to Thursday.
        await expect(basic.getByTestId('portal-offering-weekdays').getByRole('checkbox')).toHaveCount(5);
        await basic.getByTestId('portal-offering-weekdays').getByText('周五', { exact: true }).click();
        const late = form.getByTestId('portal-offering').filter({ hasText: '延时托管' });
        await expect(late).toContainText('已满');
        await late.getByTestId('portal-offering-check').click();
        await expect(late.getByTestId('portal-offering-weekdays').getByRole('checkbox')).toHaveCount(4);
        await expect(form.getByTestId('portal-pickup-note')).toBeVisible();
        await form.getByTestId('portal-exemption-switch').click();
        await form.getByText('困难家庭').click();
        await form.getByLabel('证明材料说明').fill('低保证明，编号 DB-2026-0815');
        await expect(form.getByTestId('portal-agreement-title')).toHaveText(flow.agreementTitle);
        await expect(form.getByTestId('portal-agreement-body')).toContainText('按时接孩子离校');
        // Submitting without accepting the agreement is stopped on the page.
        await page.getByTestId('portal-apply-submit').click();
        await expect(page.getByText('请阅读委托协议书并勾选“我已阅读并同意”')).toBeVisible();
        await form.getByTestId('portal-accept').click();
        await shot(page, 'apps-05-portal-apply');
        await page.getByTestId('portal-apply-submit').click();
      });

      await test.step('the receipt: application number, agreement title, version, SHA-256, time', async () => {
        await expect(page.getByTestId('portal-submitted')).toBeVisible();
        const receipt = page.getByTestId('portal-receipt');
        await expect(receipt.getByTestId('receipt-title')).toHaveText(flow.agreementTitle);
        await expect(receipt.getByTestId('receipt-version')).toHaveText(`第 ${flow.agreementVersion} 版`);
        await expect(receipt.getByTestId('receipt-sha256')).toContainText(flow.agreementSha);
        await expect(receipt.getByTestId('receipt-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        await expect(receipt.getByTestId('receipt-status')).toHaveText('待班级审核');
        // A number people can quote (the term's year and a sequence), not a database id.
        flow.applicationNumber = (await receipt.getByTestId('receipt-application-id').textContent()) ?? '';
        expect(flow.applicationNumber).toMatch(/^\d{4}-\d{6}$/);
        // The basic seat is held while the application is reviewed (not yet given); the late
        // extension's seat is taken: this child waits, first in the queue.
        const placements = page.getByTestId('applied-offering');
        await expect(placements.filter({ hasText: '课后基础托管' })).toContainText('名额保留中');
        await expect(placements.filter({ hasText: '延时托管' })).toContainText('候补第 1 位');
        await shot(page, 'apps-06-portal-receipt');
        await page.getByTestId('portal-logout').click();
        await expect(page.getByTestId('login-page')).toBeVisible();
      });
    });
  });

  test('the homeroom teacher approves in the review queue (tablet)', async ({ page }) => {
    await signIn(page, TEACHER);
    await page.getByTestId('menu-review').click();
    await expect(page.getByTestId('review-page')).toBeVisible();
    const row = page.getByTestId('applications-table-row').filter({ hasText: flow.studentName });
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('application-row-status')).toHaveText('待班级审核');

    await row.getByTestId('application-open').click();
    const drawer = page.getByTestId('application-detail');
    await expect(drawer.getByTestId('application-id')).toHaveText(flow.applicationNumber);
    await expect(drawer.getByTestId('acceptance-sha256')).toContainText(flow.agreementSha);
    await expect(drawer).toContainText('候补第 1 位');
    await expect(drawer).toContainText('困难家庭');
    await shot(page, 'apps-07-teacher-detail');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    await row.locator('.ant-table-selection-column input[type=checkbox]').check();
    await expect(page.getByTestId('bulk-bar')).toContainText('班级审核');
    await page.getByTestId('bulk-approve').click();
    await page.getByTestId('review-comment').fill('家长信息齐全，同意参加');
    await shot(page, 'apps-08-teacher-bulk-approve');
    await page.getByTestId('review-form-submit').click();
    await expect(page.getByText('已审核 1 份')).toBeVisible();
    // The queue opens on 待班级审核: the approved application has moved on.
    await expect(row).toHaveCount(0);
    await shot(page, 'apps-09-teacher-queue');

    // 知晓情况: a family without the portal got the notice on paper; the teacher records it.
    await page.getByTestId('menu-informed').click();
    const homeroom = page.getByTestId('informed-table').locator('tr', { hasText: HOMEROOM }).first();
    await homeroom.locator('.ant-table-row-expand-icon').click();
    const first = page.getByTestId('not-informed-student').first();
    const name = (await first.locator('span').first().textContent()) ?? '';
    await first.getByTestId('paper-receipt').click();
    await page.getByTestId('paper-receipt-confirm').click();
    await expect(page.getByText(`已登记 ${name} 家庭的纸质回执`)).toBeVisible();
    await expect(page.getByTestId('not-informed-student').filter({ hasText: name })).toHaveCount(0);
    await shot(page, 'apps-10-teacher-informed');
  });

  test('the admin does the school review, checks the evidence and sees the other pages', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByTestId('menu-review').click();
    await expect(page.getByTestId('review-page')).toBeVisible();
    const row = page.getByTestId('applications-table-row').filter({ hasText: flow.studentName });
    await expect(row.getByTestId('application-row-status')).toHaveText('待学校复核');
    await row.getByTestId('application-open').click();
    const drawer = page.getByTestId('application-detail');
    await expect(drawer.getByTestId('history-comment')).toContainText('家长信息齐全，同意参加');
    await drawer.getByTestId('evidence-check').click();
    await expect(drawer.getByTestId('evidence-ok')).toBeVisible();
    // The evidence can be kept as a file: the exact texts, their hashes, who accepted and how.
    const [file] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('evidence-download').click()]);
    expect(file.suggestedFilename()).toBe(`acceptance-evidence-${flow.studentId}.json`);
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      student_id: number;
      hashes_match: boolean;
      applications: { acceptance: { sha256: string; channel: string } }[];
    };
    expect(saved.student_id).toBe(flow.studentId);
    expect(saved.hashes_match).toBe(true);
    expect(saved.applications[0]?.acceptance).toMatchObject({ sha256: flow.agreementSha, channel: 'portal' });
    await shot(page, 'apps-11-admin-detail');
    await page.getByTestId('application-approve').click();
    await page.getByTestId('review-comment').fill('学校复核通过');
    await page.getByTestId('review-form-submit').click();
    await expect(page.getByTestId('application-status')).toHaveText('已批准');
    await shot(page, 'apps-12-admin-approved');
    await page.locator('.ant-drawer-close').click();
    await expect(drawer).toBeHidden();

    // The guardian's portal login shows in the student's drawer (家长端: 已激活).
    await page.getByTestId('menu-students').click();
    await page.getByLabel('按姓名或学号搜索').fill(flow.studentName);
    await page.getByLabel('按姓名或学号搜索').press('Enter');
    await page
      .getByTestId('students-table-row')
      .filter({ hasText: flow.studentName })
      .first()
      .getByTestId('student-open')
      .click();
    await expect(page.getByTestId('student-guardians')).toContainText('已激活');
    await shot(page, 'apps-13-admin-student-guardians');
    await page.locator('.ant-drawer-close').click();

    await page.getByTestId('menu-plans').click();
    await expect(page.getByTestId('plan-approved-alert')).toBeVisible();
    await expect(page.getByTestId('offerings-table').first()).toContainText('延时托管');
    await shot(page, 'apps-14-admin-plans');

    await page.getByTestId('menu-texts').click();
    await expect(page.getByTestId('texts-table')).toContainText(flow.agreementTitle);
    await shot(page, 'apps-15-admin-texts');

    await page.getByTestId('menu-informed').click();
    await expect(page.getByTestId('informed-rate')).toBeVisible();
    await shot(page, 'apps-16-admin-informed');

    await page.getByTestId('menu-stats').click();
    await expect(page.getByTestId('stats-approved')).toBeVisible();
    await shot(page, 'apps-17-admin-stats');
  });

  test('the district admin sees the approved plan of the school', async ({ page }) => {
    await signIn(page, DISTRICT);
    await page.getByTestId('menu-plan-approvals').click();
    await expect(page.getByTestId('plan-approvals-page')).toBeVisible();
    await page.getByText('全部', { exact: true }).click();
    await expect(page.getByTestId('plan-approval').first()).toContainText('同意，按方案组织实施');
    await shot(page, 'apps-18-district-plans');
  });

  test.describe('the guardian comes back', () => {
    test.use({ viewport: PHONE_VIEWPORT, hasTouch: true });

    test('signs in with the phone number and sees 已批准 and the receipt', async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('用户名').fill(flow.phone);
      await page.getByLabel('密码').fill(GUARDIAN_PASSWORD);
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('portal-children')).toBeVisible();
      await page.getByTestId('portal-child').filter({ hasText: flow.studentName }).click();
      await expect(page.getByTestId('portal-application-status')).toHaveText('已批准');
      await shot(page, 'apps-19-portal-approved');
      await page.getByTestId('portal-application-open').click();
      const receipt = page.getByTestId('portal-receipt');
      await expect(receipt.getByTestId('receipt-status')).toHaveText('已批准');
      await expect(receipt.getByTestId('receipt-application-id')).toHaveText(flow.applicationNumber);
      await expect(receipt.getByTestId('receipt-sha256')).toContainText(flow.agreementSha);
      await expect(page.getByTestId('application-history')).toContainText('学校复核通过');
      await shot(page, 'apps-20-portal-receipt-approved');
    });
  });
});
