import { App, AutoComplete, Col, Form, Input, InputNumber, Radio, Row, Select, Checkbox } from 'antd';
import type { ReactNode } from 'react';
import type { NewClub, SchoolId, Term } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { GRADES, gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { WEEKDAYS, weekdayLabel } from '@/lib/service-labels';
import { useCreateClub } from '../api/create-club';
import { categorySuggestions } from '../labels';

type Values = {
  name: string;
  category: string;
  grade_min: number;
  grade_max: number;
  weekdays: number[];
  capacity: number;
  teacher_kind: 'staff' | 'external';
  teacher_staff_id?: number;
  external_teacher?: string;
  room_id?: number;
  homeroom_id?: number;
  description?: string;
};

const MAPPING: ProblemMapping = {
  fields: [
    'name',
    'category',
    'grade_min',
    'grade_max',
    'weekdays',
    'capacity',
    'teacher_staff_id',
    'external_teacher',
    'room_id',
    'homeroom_id',
    'description',
  ],
  // An external teacher starts 待审核; a vetting status sent anyway is about the teacher.
  aliases: { vetting_status: 'external_teacher' },
  codeFields: { 'conflict.duplicate': 'name' },
};

/** Pickers of other features, composed by the page (features do not import each other). */
export type ClubPickers = {
  teacher: ReactNode;
  room: ReactNode;
  /** For the grade chosen (a club restricted to one homeroom, e.g. 三4葫芦丝班). */
  homeroom: (grade: number | undefined) => ReactNode;
};

type ClubFormModalProps = {
  schoolId: SchoolId;
  term: Term;
  open: boolean;
  pickers: ClubPickers;
  /** Categories the school's clubs already use (suggested after 德智体美劳). */
  usedCategories?: readonly string[];
  onClose: () => void;
};

function bodyOf(termId: number, v: Values): NewClub {
  const external = v.teacher_kind === 'external';
  return {
    term_id: termId,
    name: v.name.trim(),
    category: v.category.trim(),
    grade_min: v.grade_min,
    grade_max: v.grade_max,
    weekdays: [...v.weekdays].sort((a, b) => a - b),
    capacity: v.capacity,
    teacher_staff_id: external ? null : (v.teacher_staff_id ?? null),
    external_teacher: external ? (v.external_teacher?.trim() ?? null) : null,
    room_id: v.room_id ?? null,
    homeroom_id: v.homeroom_id ?? null,
    description: v.description?.trim() ?? '',
  };
}

/** 新增社团: a club of the term, for a grade range on some weekdays, with a teacher and a room. */
export function ClubFormModal({ schoolId, term, open, pickers, usedCategories = [], onClose }: ClubFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateClub(schoolId);
  const teacherKind = Form.useWatch('teacher_kind', form);
  const gradeMin = Form.useWatch('grade_min', form);
  const gradeMax = Form.useWatch('grade_max', form);
  const close = () => {
    problem.clear();
    form.resetFields();
    onClose();
  };
  const submit = (values: Values) => {
    problem.clear();
    create.mutate(bodyOf(term.id, values), {
      onSuccess: (club) => {
        void message.success(t('club.created', { name: club.name }));
        close();
      },
      onError: problem.show,
    });
  };
  const required = (label: string) => ({ required: true, message: t('form.required', { label }) });
  const selectRequired = (label: string) => ({ required: true, message: t('form.select', { label }) });
  const gradeOptions = GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }));

  return (
    <FormModal<Values>
      open={open}
      title={t('club.create_title', { term: term.name })}
      form={form}
      initialValues={{ weekdays: [1, 2, 3, 4, 5], grade_min: 1, grade_max: 6, capacity: 30, teacher_kind: 'staff' }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending}
      error={problem.error}
      testId="club-form"
      width={720}
    >
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item
            label={t('club.name')}
            name="name"
            rules={[
              { ...required(t('club.name')), whitespace: true },
              { max: 50, message: t('form.max_length', { label: t('club.name'), max: 50 }) },
            ]}
          >
            <Input maxLength={50} autoComplete="off" data-testid="club-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item
            label={t('club.category')}
            name="category"
            tooltip={t('club.category_hint')}
            rules={[{ ...required(t('club.category')), whitespace: true }]}
          >
            <AutoComplete
              data-testid="club-form-category"
              options={categorySuggestions(usedCategories).map((c) => ({ value: c }))}
              filterOption={false}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item label={t('club.grade_min')} name="grade_min" rules={[selectRequired(t('club.grade_min'))]}>
            <Select options={gradeOptions} data-testid="club-form-grade-min" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item
            label={t('club.grade_max')}
            name="grade_max"
            dependencies={['grade_min']}
            rules={[
              selectRequired(t('club.grade_max')),
              ({ getFieldValue }) => ({
                validator: async (_, max: number | undefined) => {
                  const min = getFieldValue('grade_min') as number | undefined;
                  if (min != null && max != null && max < min) throw new Error(t('club.grade_order'));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <Select options={gradeOptions} data-testid="club-form-grade-max" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('club.capacity')} name="capacity" rules={[required(t('club.capacity'))]}>
            <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="club-form-capacity" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('club.room')} name="room_id">
            {pickers.room}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('club.weekdays')} name="weekdays" rules={[selectRequired(t('club.weekdays'))]}>
        <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: weekdayLabel(t, d) }))} />
      </Form.Item>
      <Form.Item label={t('club.teacher')} name="teacher_kind">
        <Radio.Group
          optionType="button"
          data-testid="club-form-teacher-kind"
          options={[
            { value: 'staff', label: t('club.teacher_staff') },
            { value: 'external', label: t('club.teacher_external') },
          ]}
        />
      </Form.Item>
      {teacherKind === 'external' ? (
        // No vetting status here: the club starts 待审核 and the school admin vets the teacher in the list.
        <Form.Item
          label={t('club.external_teacher')}
          name="external_teacher"
          extra={<span data-testid="club-form-vetting-hint">{t('club.vetting_hint')}</span>}
          rules={[{ ...required(t('club.external_teacher')), whitespace: true }]}
        >
          <Input maxLength={50} autoComplete="off" data-testid="club-form-external" />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('club.teacher_staff')}
          name="teacher_staff_id"
          rules={[selectRequired(t('club.teacher_staff'))]}
        >
          {pickers.teacher}
        </Form.Item>
      )}
      <Form.Item
        label={t('club.homeroom')}
        name="homeroom_id"
        extra={t('club.homeroom_hint')}
        dependencies={['grade_min', 'grade_max']}
      >
        {pickers.homeroom(gradeMin === gradeMax ? gradeMin : undefined)}
      </Form.Item>
      <Form.Item
        label={t('club.description')}
        name="description"
        rules={[{ max: 500, message: t('form.max_length', { label: t('club.description'), max: 500 }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
