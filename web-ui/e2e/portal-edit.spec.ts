/**
 * 修改报名, end to end against the real server. Through the API: the admin opens a plan (approved
 * by the district) with a published agreement, registers a pickup person for a grade-1 child with
 * no open application and issues an activation code for its guardian; the guardian activates and
 * applies (Monday to Friday); the admin returns the application with a comment and publishes a
 * new version of the agreement. On a phone (375×812): the guardian signs in, sees 退回修改 and the
 * comment, changes the application (no Friday, a pickup person, the new agreement) and submits it
 * again. The API then shows the new days, the pickup person and an `edit` step by the guardian.
 * Runs again on the same database. Screenshots: e2e/screenshots/portal-edit-*.png.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  ADMIN,
  DISTRICT,
  GUARDIAN_PASSWORD,
  SHOTS,
  caller,
  defaultTerm,
  shot,
  withToken,
  type Item,
  type Term,
} from './support';

const stamp = String(Date.now()).slice(-6);

const flow = {
  schoolId: 0,
  studentId: 0,
  studentName: '',
  phone: '',
  applicationId: 0,
  pickupPersonId: 0,
  pickupName: `张外婆${stamp.slice(-3)}`,
  comment: `请只选周一至周四，并勾选接送人（${stamp}）`,
  newAgreementTitle: `课后服务委托协议书（修订 ${stamp}）`,
};

type Application = {
  id: number;
  status: string;
  offerings: { offering_id: number; weekdays: number[] }[];
  pickup_person_ids: number[];
  history: { action: string; actor_role: string; actor_name?: string | null }[];
};

test.describe.serial('portal edit', () => {
  test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  test('setup through the API: a returned application and a new agreement', async ({ request }) => {
    const admin = await caller(request, ADMIN);
    const district = await caller(request, DISTRICT);
    const me = await admin.get<{ grants: { school_id: number }[] }>('/api/v1/me');
    flow.schoolId = me.grants[0]?.school_id ?? 1;
    const base = `/api/v1/schools/${flow.schoolId}`;
    const termId = defaultTerm((await admin.get<{ items: Term[] }>(`${base}/terms?limit=100`)).items).id;

    const now = Date.now();
    const plan = await admin.post<{ id: number; offerings: { id: number }[] }>(`${base}/service-plans`, {
      term_id: termId,
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
      term_id: termId,
      kind: 'agreement',
      title: `课后服务委托协议书（${stamp}）`,
      body: '家长按时接孩子离校；学校按方案组织课后服务。',
    });
    await admin.post(`${base}/texts/${agreement.id}/publish`);

    // A grade-1 child without an open application, with a guardian not yet activated.
    const homerooms = await admin.get<{ items: Item[] }>(`${base}/homerooms?grade=1&limit=100`);
    const open = await admin.get<{ items: { student_id: number; status: string }[] }>(
      `${base}/applications?term_id=${termId}&limit=200`,
    );
    const applied = new Set(
      open.items.filter((a) => !['rejected', 'withdrawn'].includes(a.status)).map((a) => a.student_id),
    );
    let code = '';
    for (const homeroom of homerooms.items) {
      const students = await admin.get<{ items: Item[] }>(`${base}/students?homeroom_id=${homeroom.id}&limit=100`);
      for (const s of students.items) {
        if (applied.has(s.id)) continue;
        const guardians = await admin.get<{ items: { id: number; phone: string; activated: boolean }[] }>(
          `${base}/students/${s.id}/guardians`,
        );
        const g = guardians.items.find((x) => !x.activated);
        if (!g) continue;
        code = (await admin.post<{ code: string }>(`${base}/guardians/${g.id}/activation-code`)).code;
        Object.assign(flow, { studentId: s.id, studentName: s.name, phone: g.phone });
        break;
      }
      if (code) break;
    }
    expect(code, 'a guardian to activate').toMatch(/^\d{8}$/);

    const person = await admin.post<{ id: number }>(`${base}/students/${flow.studentId}/pickup-persons`, {
      name: flow.pickupName,
      relation: '外婆',
      phone: `139${stamp}${stamp.slice(0, 2)}`,
    });
    flow.pickupPersonId = person.id;

    // The guardian activates and applies for every weekday.
    const activation = await request.post('/api/v1/auth/activate', {
      data: { phone: flow.phone, code, password: GUARDIAN_PASSWORD },
    });
    expect(activation.ok(), `activate: ${await activation.text()}`).toBeTruthy();
    const guardian = withToken(request, ((await activation.json()) as { access_token: string }).access_token);
    const application = await guardian.post<Application>(`${base}/applications`, {
      term_id: termId,
      student_id: flow.studentId,
      offerings: [{ offering_id: plan.offerings[0]?.id, weekdays: [1, 2, 3, 4, 5] }],
      leave_mode: 'pickup',
      agreement_text_id: agreement.id,
      accept_agreement: true,
    });
    flow.applicationId = application.id;
    expect(application.status).toBe('submitted');

    // The school returns it, and then revises the agreement (the family must accept the new one).
    const returned = await admin.post<Application>(`${base}/applications/${application.id}/class-review`, {
      decision: 'return',
      comment: flow.comment,
    });
    expect(returned.status).toBe('returned_for_changes');
    const revised = await admin.post<{ id: number }>(`${base}/texts`, {
      term_id: termId,
      kind: 'agreement',
      title: flow.newAgreementTitle,
      body: '家长按时接孩子离校；学校按方案组织课后服务；新增：接送人须为登记人员。',
    });
    await admin.post(`${base}/texts/${revised.id}/publish`);
  });

  test.describe('the guardian on a phone', () => {
    test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

    test('changes the returned application and submits it again', async ({ page }) => {
      await page.goto('/login');
      await page.getByLabel('用户名').fill(flow.phone);
      await page.getByLabel('密码').fill(GUARDIAN_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('portal-child').filter({ hasText: flow.studentName }).click();

      const card = page.getByTestId('portal-application');
      await expect(card.getByTestId('portal-application-status')).toHaveText('退回修改');
      await expect(card.getByTestId('portal-review-comment')).toContainText(flow.comment);
      await shot(page, 'portal-edit-01-child');
      await card.getByTestId('portal-application-edit').click();

      const form = page.getByTestId('portal-edit-form');
      await expect(form).toBeVisible();
      await expect(page.getByTestId('portal-edit-comment')).toContainText(flow.comment);
      // Filled in from the application: the offering ticked on all five days.
      const basic = form.getByTestId('portal-offering').filter({ hasText: '课后基础托管' });
      const days = basic.getByTestId('portal-offering-weekdays');
      await expect(days.getByRole('checkbox', { checked: true })).toHaveCount(5);
      await days.getByText('周五', { exact: true }).click();
      await expect(days.getByRole('checkbox', { checked: true })).toHaveCount(4);

      const persons = form.getByTestId('portal-pickup-persons');
      const person = persons.getByTestId('portal-pickup-person').filter({ hasText: flow.pickupName });
      // Guardians see the phone masked.
      await expect(person).toContainText('外婆');
      await expect(person).toContainText('*');
      await person.click();
      await expect(persons.getByRole('checkbox', { checked: true })).toHaveCount(1);
      await expect(form.getByTestId('portal-pickup-note')).toBeVisible();

      // A newer agreement was published since the family accepted: it must be accepted again.
      await expect(form.getByTestId('portal-agreement-changed')).toBeVisible();
      await expect(form.getByTestId('portal-agreement-title')).toHaveText(flow.newAgreementTitle);
      await page.getByTestId('portal-edit-submit').click();
      await expect(page.getByText('请阅读委托协议书并勾选“我已阅读并同意”')).toBeVisible();
      await form.getByTestId('portal-accept').click();
      await shot(page, 'portal-edit-02-form');
      await page.getByTestId('portal-edit-submit').click();

      await expect(page.getByTestId('portal-submitted')).toBeVisible();
      const receipt = page.getByTestId('portal-receipt');
      await expect(receipt.getByTestId('receipt-status')).toHaveText('待班级审核');
      await expect(receipt.getByTestId('receipt-title')).toHaveText(flow.newAgreementTitle);
      await expect(page.getByTestId('applied-offering').filter({ hasText: '课后基础托管' })).toContainText(
        '周一至周四',
      );
      const history = page.getByTestId('application-history');
      const edit = history.getByTestId('history-event').filter({ hasText: '修改报名' });
      // The guardian by name and relation (张丽（母亲）), never a login or a phone number.
      await expect(edit.getByTestId('history-actor')).toHaveText(/^[^\d（]+（[^）\d]+）$/);
      await expect(page.getByTestId('portal-edit')).toHaveCount(0);
      await shot(page, 'portal-edit-03-receipt');
    });
  });

  test('the API shows the new days, the pickup person and the guardian’s edit', async ({ request }) => {
    const admin = await caller(request, ADMIN);
    const application = await admin.get<Application>(
      `/api/v1/schools/${flow.schoolId}/applications/${flow.applicationId}`,
    );
    expect(application.status).toBe('submitted');
    expect(application.offerings.map((o) => o.weekdays)).toEqual([[1, 2, 3, 4]]);
    expect(application.pickup_person_ids).toEqual([flow.pickupPersonId]);
    const edits = application.history.filter((e) => e.action === 'edit');
    expect(edits).toHaveLength(1);
    expect(edits[0]?.actor_role).toBe('guardian');
    const returned = application.history.find((e) => e.action === 'class_return');
    expect(returned?.actor_role).toBe('staff');
    expect(returned?.actor_name, 'the reviewer is named').toBeTruthy();
  });
});
