import { useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { ReactElement } from 'react';
import { ApiError } from '@/api/problem';
import { studentQueryOptions } from '@/api/students';
import type { Gender, HomeroomId, SchoolId, Student, StudentFlag, StudentPatch } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { GRADES, gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { useCreateStudent } from '../api/create-student';
import { useUpdateStudent } from '../api/update-student';
import { flagLabel, genderLabel, GENDERS, STUDENT_FLAGS } from '../labels';
import { NationalNo } from './national-no';

/** The homeroom picker (from the homerooms feature, passed in by the route), limited to a grade. */
export type HomeroomFieldRenderer = (props: {
  grade: number | undefined;
  disabled: boolean;
  placeholder: string;
}) => ReactElement;

type Values = {
  student_no: string;
  name: string;
  gender: Gender;
  grade: number;
  homeroom_id: HomeroomId;
  flags: StudentFlag[];
};

const MAPPING: ProblemMapping = {
  fields: ['student_no', 'name', 'gender', 'grade', 'homeroom_id', 'flags'],
  codeFields: { 'student.duplicate_number': 'student_no', 'conflict.duplicate': 'student_no' },
};

const STUDENT_NO = /^[A-Za-z0-9-]+$/;

function valuesOf(student: Student): Values {
  return {
    student_no: student.student_no,
    name: student.name,
    gender: student.gender,
    grade: student.grade,
    homeroom_id: student.homeroom_id,
    flags: [...student.flags],
  };
}

/** Only what changed: absent fields stay as they are, so a concurrent edit of others survives. */
function patchOf(student: Student, values: Values): StudentPatch {
  const patch: StudentPatch = {};
  if (values.student_no !== student.student_no) patch.student_no = values.student_no;
  if (values.name !== student.name) patch.name = values.name;
  if (values.gender !== student.gender) patch.gender = values.gender;
  if (values.grade !== student.grade) patch.grade = values.grade;
  if (values.homeroom_id !== student.homeroom_id) patch.homeroom_id = values.homeroom_id;
  const same = [...values.flags].sort().join() === [...student.flags].sort().join();
  if (!same) patch.flags = values.flags;
  return patch;
}

type StudentFormModalProps = {
  schoolId: SchoolId;
  open: boolean;
  /** Edits this student when set; otherwise creates one. */
  student?: Student;
  renderHomeroomField: HomeroomFieldRenderer;
  onClose: () => void;
};

/**
 * 新增学生 / 编辑学生: 学号, 姓名, 性别, 年级, 行政班 (of that grade), 标记. An edit also shows the
 * 全国学籍号, read-only: only a roster import sets it.
 */
export function StudentFormModal({ schoolId, open, student, renderHomeroomField, onClose }: StudentFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const grade = Form.useWatch('grade', form);
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateStudent(schoolId);
  const update = useUpdateStudent(schoolId);

  const close = () => {
    problem.clear();
    create.reset();
    update.reset();
    onClose();
  };

  /** 412: someone else saved first. Load their version into the form; the user redoes the change. */
  const reload = async (stale: Student) => {
    const fresh = await queryClient.fetchQuery({ ...studentQueryOptions(schoolId, stale.id), staleTime: 0 });
    form.setFieldsValue(valuesOf(fresh));
  };

  const submit = (values: Values) => {
    problem.clear();
    if (!student) {
      create.mutate(values, {
        onSuccess: (created) => {
          void message.success(t('student.created', { name: created.name }));
          close();
        },
        onError: problem.show,
      });
      return;
    }
    const patch = patchOf(student, values);
    if (Object.keys(patch).length === 0) {
      close();
      return;
    }
    update.mutate(
      { student, patch },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          close();
        },
        onError: (error) => {
          problem.show(error);
          if (error instanceof ApiError && error.status === 412) void reload(student);
        },
      },
    );
  };

  const required = (label: string) => ({ required: true, message: t('form.required', { label }) });
  const choose = (label: string) => ({ required: true, message: t('form.select', { label }) });

  return (
    <FormModal<Values>
      open={open}
      title={student ? t('student.edit') : t('student.create')}
      form={form}
      initialValues={student ? valuesOf(student) : { flags: [] }}
      onValuesChange={(changed: Partial<Values>) => {
        // A homeroom belongs to one grade: a new grade needs a new homeroom.
        if ('grade' in changed) form.setFieldValue('homeroom_id', undefined);
      }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending || update.isPending}
      error={problem.error}
      testId="student-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('student.student_no')}
            name="student_no"
            rules={[
              required(t('student.student_no')),
              { max: 32, message: t('form.max_length', { label: t('student.student_no'), max: 32 }) },
              { pattern: STUDENT_NO, message: t('student.student_no_invalid') },
            ]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label={t('student.name')}
            name="name"
            rules={[
              { ...required(t('student.name')), whitespace: true },
              { max: 50, message: t('form.max_length', { label: t('student.name'), max: 50 }) },
            ]}
          >
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
        </Col>
        {student && (
          <Col span={24}>
            <Form.Item label={t('student.national_no')} extra={t('student.national_no_hint')}>
              <NationalNo value={student.national_no} testId="student-form-national-no" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item label={t('student.gender')} name="gender" rules={[choose(t('student.gender'))]}>
            <Radio.Group optionType="button" options={GENDERS.map((g) => ({ value: g, label: genderLabel(t, g) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('student.grade')} name="grade" rules={[choose(t('student.grade'))]}>
            <Select<number>
              placeholder={t('student.grade')}
              options={GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('student.homeroom')} name="homeroom_id" rules={[choose(t('student.homeroom'))]}>
            {renderHomeroomField({
              grade,
              disabled: grade === undefined,
              placeholder: grade === undefined ? t('common.select_grade_first') : t('student.homeroom'),
            })}
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('student.flags')} name="flags">
            <Select<StudentFlag[]>
              mode="multiple"
              allowClear
              placeholder={t('student.flags_placeholder')}
              options={STUDENT_FLAGS.map((f) => ({ value: f, label: flagLabel(t, f) }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
