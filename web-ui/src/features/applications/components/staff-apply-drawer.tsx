import { Alert, App, Button, Drawer, Form, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useApply, useEditAndResubmit } from '@/api/applications';
import { useClubs } from '@/api/clubs';
import { newRequestId } from '@/api/request-id';
import { useStudent, useStudentSearch } from '@/api/students';
import { usePublishedTexts } from '@/api/texts';
import type { Application, PlanText, SchoolId, ServicePlan, Student, StudentId, TermId } from '@/api/types';
import { ApplyFields } from '@/components/apply-form/apply-fields';
import { ProblemAlert } from '@/components/problem-alert';
import {
  APPLY_PROBLEMS,
  choicesBody,
  chosenOfferings,
  editBody,
  emptyValues,
  valuesFromApplication,
  type ApplyValues,
} from '@/lib/apply-values';
import { eligibleClubs } from '@/lib/club-choice';
import { useFormProblem } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { EXEMPTION_CATEGORIES } from '@/lib/service-labels';
import { useTermPlan } from '../api/staff-apply';

type StaffApplyDrawerProps = {
  schoolId: SchoolId;
  termId: TermId;
  open: boolean;
  /** 代为修改: the draft or returned application (its version goes in If-Match); none: 代家长报名. */
  application?: Application;
  onClose: () => void;
};

type FormProps = {
  student: Student;
  plan: ServicePlan;
  agreement: PlanText;
  application?: Application;
  onDone: () => void;
};

/** The portal's apply form, filled in by staff from the family's paper form. */
function StaffForm({ student, plan, agreement, application, onDone }: FormProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const problem = useFormProblem(form, APPLY_PROBLEMS);
  const apply = useApply(student.school_id);
  const edit = useEditAndResubmit(student.school_id);
  const pending = apply.isPending || edit.isPending;
  // One key per filled-in form: a retry after a lost answer returns the same application.
  const [idempotencyKey] = useState(newRequestId);
  const [noOffering, setNoOffering] = useState(false);
  const offerings = plan.offerings.filter((o) => o.grades.includes(student.grade));
  const categories = plan.exemption_categories ?? [...EXEMPTION_CATEGORIES];
  const clubs = useClubs(student.school_id, plan.term_id);
  const eligible = eligibleClubs(clubs.data?.items ?? [], student.grade, student.homeroom_id);
  const [initialValues] = useState(() =>
    application ? valuesFromApplication(application, offerings) : emptyValues(offerings),
  );
  // Staff confirm the paper agreement again on every edit: the acceptance then names the current version.
  const submit = (values: ApplyValues) => {
    problem.clear();
    const chosen = chosenOfferings(offerings, values.choices);
    setNoOffering(chosen.length === 0);
    if (chosen.length === 0) return;
    const done = (text: string) => {
      void message.success(text);
      onDone();
    };
    if (application) {
      edit.mutate(
        { application, body: editBody(offerings, values, agreement) },
        { onSuccess: () => done(t('staff_apply.saved', { name: student.name })), onError: problem.show },
      );
      return;
    }
    apply.mutate(
      {
        idempotencyKey,
        body: {
          ...choicesBody(offerings, values),
          term_id: plan.term_id,
          student_id: student.id,
          agreement_text_id: agreement.id,
          accept_agreement: values.accept_agreement,
        },
      },
      { onSuccess: () => done(t('staff_apply.created', { name: student.name })), onError: problem.show },
    );
  };

  return (
    <Form<ApplyValues>
      form={form}
      name="staff-apply"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ values }) => setNoOffering(chosenOfferings(offerings, values.choices).length === 0)}
      disabled={pending}
      scrollToFirstError
      requiredMark={false}
      data-testid="staff-apply-form"
    >
      <ApplyFields
        child={{ grade: student.grade, school_id: student.school_id, student_id: student.id }}
        offerings={offerings}
        clubs={eligible}
        categories={categories}
        agreement={agreement}
        noOffering={noOffering}
        staff
      />
      <ProblemAlert error={problem.error} testId="staff-apply-error" />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={pending}
        style={{ marginTop: 16 }}
        data-testid="staff-apply-submit"
      >
        {application ? t('staff_apply.save_and_resubmit') : t('staff_apply.submit')}
      </Button>
    </Form>
  );
}

function StudentPicker({
  schoolId,
  value,
  onChange,
}: {
  schoolId: SchoolId;
  value: StudentId | undefined;
  onChange: (student: Student | undefined) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useStudentSearch(schoolId, q);
  const students = search.data?.items ?? [];
  return (
    <Form layout="vertical" component="div">
      <Form.Item label={t('staff_apply.student')} extra={t('staff_apply.student_hint')}>
        <Select<StudentId>
          showSearch
          allowClear
          value={value}
          placeholder={t('staff_apply.student_placeholder')}
          filterOption={false}
          onSearch={setQ}
          onChange={(id) => onChange(students.find((s) => s.id === id))}
          notFoundContent={search.isFetching ? <Spin size="small" /> : null}
          options={students.map((s) => ({
            value: s.id,
            label: `${s.name}（${s.homeroom_name}，${s.student_no}）`,
          }))}
          data-testid="staff-apply-student"
        />
      </Form.Item>
    </Form>
  );
}

/**
 * 代家长报名 / 代为修改: a homeroom teacher or admin enters a family's paper application form —
 * the portal's steps, with the agreement confirmed as signed on paper. The server records the
 * acceptance as made by staff through the SPA.
 */
export function StaffApplyDrawer({ schoolId, termId, open, application, onClose }: StaffApplyDrawerProps) {
  const t = useT();
  const [picked, setPicked] = useState<Student>();
  const plan = useTermPlan(schoolId, termId);
  const texts = usePublishedTexts(schoolId, termId);
  const editing = useStudent(schoolId, application?.student_id);
  const student = application ? editing.data : picked;
  const close = () => {
    setPicked(undefined);
    onClose();
  };

  let body;
  if (plan.isPending || texts.isPending || (application && editing.isPending)) body = <Spin />;
  else if (plan.error || texts.error || editing.error)
    body = <ProblemAlert error={plan.error ?? texts.error ?? editing.error} />;
  else if (!plan.plan)
    body = <Alert type="warning" showIcon message={t('staff_apply.no_plan')} data-testid="staff-apply-no-plan" />;
  else if (!texts.agreement)
    body = (
      <Alert type="warning" showIcon message={t('staff_apply.no_agreement')} data-testid="staff-apply-no-agreement" />
    );
  else
    body = (
      <>
        {application ? null : <StudentPicker schoolId={schoolId} value={picked?.id} onChange={setPicked} />}
        {student ? (
          <StaffForm
            key={`${student.id}-${application?.version ?? 'new'}`}
            student={student}
            plan={plan.plan}
            agreement={texts.agreement}
            application={application}
            onDone={close}
          />
        ) : null}
      </>
    );

  return (
    <Drawer
      open={open}
      onClose={close}
      destroyOnHidden
      width="min(640px, 100vw)"
      title={application ? t('staff_apply.edit_title', { name: application.student_name }) : t('staff_apply.action')}
      data-testid="staff-apply-drawer"
    >
      <Typography.Paragraph type="secondary">{t('staff_apply.paper_hint')}</Typography.Paragraph>
      {body}
    </Drawer>
  );
}
