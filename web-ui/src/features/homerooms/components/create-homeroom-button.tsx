import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select } from 'antd';
import { useState, type ReactElement } from 'react';
import type { SchoolId, StaffId } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { GRADES, gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { useCreateHomeroom } from '../api/create-homeroom';

type Values = { grade: number; name: string; homeroom_teacher_id?: StaffId };

const MAPPING: ProblemMapping = {
  fields: ['grade', 'name', 'homeroom_teacher_id'],
  codeFields: { 'homeroom.duplicate_name': 'name', 'conflict.duplicate': 'name' },
};

type CreateHomeroomButtonProps = {
  schoolId: SchoolId;
  /** A staff picker (from the staff feature) when the user may list staff; Form.Item injects value. */
  renderTeacherField?: () => ReactElement;
};

/** 新增行政班: grade, name (e.g. 三年级4班) and, optionally, the homeroom teacher. */
export function CreateHomeroomButton({ schoolId, renderTeacherField }: CreateHomeroomButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateHomeroom(schoolId);
  const close = () => {
    problem.clear();
    setOpen(false);
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="homerooms-create">
        {t('homeroom.create')}
      </Button>
      <FormModal<Values>
        open={open}
        title={t('homeroom.create')}
        form={form}
        onFinish={(values) => {
          problem.clear();
          create.mutate(
            { ...values, homeroom_teacher_id: values.homeroom_teacher_id ?? null },
            {
              onSuccess: (created) => {
                void message.success(t('homeroom.created', { name: created.name }));
                close();
              },
              onError: problem.show,
            },
          );
        }}
        onCancel={close}
        submitting={create.isPending}
        error={problem.error}
        testId="homeroom-form"
      >
        <Form.Item
          label={t('homeroom.grade')}
          name="grade"
          rules={[{ required: true, message: t('form.select', { label: t('homeroom.grade') }) }]}
        >
          <Select<number> options={GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }))} />
        </Form.Item>
        <Form.Item
          label={t('homeroom.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('homeroom.name') }) },
            { max: 50, message: t('form.max_length', { label: t('homeroom.name'), max: 50 }) },
          ]}
        >
          <Input autoComplete="off" maxLength={50} placeholder={t('homeroom.name_placeholder')} />
        </Form.Item>
        {renderTeacherField && (
          <Form.Item label={t('homeroom.teacher')} name="homeroom_teacher_id">
            {renderTeacherField()}
          </Form.Item>
        )}
      </FormModal>
    </>
  );
}
