import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Radio } from 'antd';
import { districtSchoolsQueryOptions } from '@/api/district-schools';
import { ApiError } from '@/api/problem';
import type { DistrictId, DistrictSchool, School, SchoolKind, SchoolPatch } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useCreateSchool } from '../api/create-school';
import { useUpdateSchool } from '../api/update-school';
import { DEFAULT_TIME_ZONE, SCHOOL_KINDS, schoolKindLabel } from '../school-kind';

type Values = { name: string; code: string; kind: SchoolKind; time_zone: string };

const MAPPING: ProblemMapping = {
  fields: ['name', 'code', 'kind', 'time_zone'],
  codeFields: { 'school.code_taken': 'code' },
};

function valuesOf(school: DistrictSchool): Values {
  return { name: school.name, code: school.code, kind: school.kind, time_zone: school.time_zone };
}

/** Only what changed, so an edit does not overwrite a field someone else changed meanwhile. */
function changes(before: Values, after: Values): SchoolPatch {
  const patch: SchoolPatch = {};
  if (after.name !== before.name) patch.name = after.name;
  if (after.code !== before.code) patch.code = after.code;
  if (after.kind !== before.kind) patch.kind = after.kind;
  if (after.time_zone !== before.time_zone) patch.time_zone = after.time_zone;
  return patch;
}

type SchoolFormModalProps = {
  districtId: DistrictId;
  open: boolean;
  /** Edits this school when set (as the list has it now). */
  school?: DistrictSchool;
  onClose: () => void;
  /** After a new school was added: e.g. to invite its admin next. */
  onCreated?: (school: School) => void;
};

/** 新增学校 / 编辑学校: name, code, 学段 (小学/初中/九年一贯制), time zone (default Asia/Shanghai). */
export function SchoolFormModal({ districtId, open, school, onClose, onCreated }: SchoolFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateSchool(districtId);
  const update = useUpdateSchool(districtId);
  const close = () => {
    problem.clear();
    onClose();
  };
  /** 412: someone else saved first. Load their version; the user redoes the change. */
  const reload = async (stale: DistrictSchool) => {
    const { queryKey } = districtSchoolsQueryOptions(districtId);
    await queryClient.refetchQueries({ queryKey });
    const fresh = queryClient.getQueryData<{ items: DistrictSchool[] }>(queryKey)?.items.find((s) => s.id === stale.id);
    if (fresh) form.setFieldsValue(valuesOf(fresh));
  };
  const onError = (error: unknown) => {
    problem.show(error);
    if (school && error instanceof ApiError && error.status === 412) void reload(school);
  };
  const submit = (raw: Values) => {
    problem.clear();
    const values = { ...raw, name: raw.name.trim(), code: raw.code.trim(), time_zone: raw.time_zone.trim() };
    if (school) {
      update.mutate(
        { school, body: changes(valuesOf(school), values) },
        {
          onSuccess: (saved) => {
            void message.success(t('school.saved', { name: saved.name }));
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(values, {
        onSuccess: (created) => {
          void message.success(t('school.created', { name: created.name }));
          close();
          onCreated?.(created);
        },
        onError,
      });
    }
  };
  return (
    <FormModal<Values>
      open={open}
      title={school ? t('school.edit') : t('school.create')}
      form={form}
      initialValues={school ? valuesOf(school) : { kind: 'primary', time_zone: DEFAULT_TIME_ZONE }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending || update.isPending}
      error={problem.error}
      testId="school-form"
    >
      <Form.Item
        label={t('school.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('school.name') }) },
          { max: 100, message: t('form.max_length', { label: t('school.name'), max: 100 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={100} data-testid="school-name-input" />
      </Form.Item>
      <Form.Item
        label={t('school.code')}
        name="code"
        extra={t('school.code_hint')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('school.code') }) },
          { max: 32, message: t('form.max_length', { label: t('school.code'), max: 32 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={32} data-testid="school-code-input" />
      </Form.Item>
      <Form.Item
        label={t('school.kind')}
        name="kind"
        rules={[{ required: true, message: t('form.select', { label: t('school.kind') }) }]}
      >
        <Radio.Group
          optionType="button"
          data-testid="school-kind"
          options={SCHOOL_KINDS.map((k) => ({ value: k, label: schoolKindLabel(t, k) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('school.time_zone')}
        name="time_zone"
        extra={t('school.time_zone_hint')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { label: t('school.time_zone') }) }]}
      >
        <Input autoComplete="off" maxLength={64} data-testid="school-time-zone" />
      </Form.Item>
    </FormModal>
  );
}
