import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '@/api/problem';
import type { SchoolId, Term, TermInput } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { flattenPages } from '@/lib/cursor';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useCreateTerm } from '../api/create-term';
import { termsQueryOptions } from '../api/get-terms';
import { useUpdateTerm } from '../api/update-term';

type Values = {
  name: string;
  dates: [Dayjs, Dayjs];
  holidays: Dayjs[];
  makeup_workdays: Dayjs[];
};

const MAPPING: ProblemMapping = {
  fields: ['name', 'dates', 'holidays', 'makeup_workdays'],
  aliases: { start_date: 'dates', end_date: 'dates' },
};

/** Dates travel as school-local `YYYY-MM-DD`. */
const DAY = 'YYYY-MM-DD';

function valuesOf(term: Term): Values {
  return {
    name: term.name,
    dates: [dayjs(term.start_date), dayjs(term.end_date)],
    holidays: term.holidays.map((d) => dayjs(d)),
    makeup_workdays: term.makeup_workdays.map((d) => dayjs(d)),
  };
}

function bodyOf(values: Values): TermInput {
  const days = (list: Dayjs[] | undefined) => [...new Set((list ?? []).map((d) => d.format(DAY)))].sort();
  return {
    name: values.name,
    start_date: values.dates[0].format(DAY),
    end_date: values.dates[1].format(DAY),
    holidays: days(values.holidays),
    makeup_workdays: days(values.makeup_workdays),
  };
}

const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

type TermFormModalProps = {
  schoolId: SchoolId;
  open: boolean;
  /** Edits this term when set (as the list has it now, so a reload brings the new version). */
  term?: Term;
  onClose: () => void;
};

/**
 * 新增学期 / 编辑学期: name, first and last day, holidays (weekdays without school) and make-up
 * workdays (weekend days with school, 调休), each picked inside the term.
 */
export function TermFormModal({ schoolId, open, term, onClose }: TermFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const range = Form.useWatch('dates', form);
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateTerm(schoolId);
  const update = useUpdateTerm(schoolId);

  const outside = (d: Dayjs) => !range || d.isBefore(range[0], 'day') || d.isAfter(range[1], 'day');

  const close = () => {
    problem.clear();
    onClose();
  };
  /** 412: someone else saved first. Load their version; the user redoes the change. */
  const reload = async (stale: Term) => {
    const { queryKey } = termsQueryOptions(schoolId);
    await queryClient.refetchQueries({ queryKey });
    const fresh = flattenPages<Term>(queryClient.getQueryData(queryKey)).find((x) => x.id === stale.id);
    if (fresh) form.setFieldsValue(valuesOf(fresh));
  };
  const submit = (values: Values) => {
    problem.clear();
    const onSuccess = (saved: Term) => {
      void message.success(term ? t('common.saved') : t('term.created', { name: saved.name }));
      close();
    };
    const onError = (error: unknown) => {
      problem.show(error);
      if (term && error instanceof ApiError && error.status === 412) void reload(term);
    };
    if (term) update.mutate({ term, body: bodyOf(values) }, { onSuccess, onError });
    else create.mutate(bodyOf(values), { onSuccess, onError });
  };

  return (
    <FormModal<Values>
      open={open}
      title={term ? t('term.edit') : t('term.create')}
      form={form}
      initialValues={term ? valuesOf(term) : { holidays: [], makeup_workdays: [] }}
      onValuesChange={(changed: Partial<Values>) => {
        // Days outside new term dates no longer belong to it.
        const [start, end] = changed.dates ?? [];
        if (!start || !end) return;
        const inside = (d: Dayjs) => !d.isBefore(start, 'day') && !d.isAfter(end, 'day');
        for (const field of ['holidays', 'makeup_workdays'] as const) {
          const days = form.getFieldValue(field) as Dayjs[] | undefined;
          form.setFieldValue(field, (days ?? []).filter(inside));
        }
      }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending || update.isPending}
      error={problem.error}
      testId="term-form"
    >
      <Form.Item
        label={t('term.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('term.name') }) },
          { max: 50, message: t('form.max_length', { label: t('term.name'), max: 50 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={50} placeholder={t('term.name_placeholder')} />
      </Form.Item>
      <Form.Item
        label={t('term.dates')}
        name="dates"
        rules={[{ required: true, message: t('form.select', { label: t('term.dates') }) }]}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('term.holidays')} name="holidays" extra={t('term.holidays_hint')}>
        <DatePicker
          multiple
          maxTagCount="responsive"
          style={{ width: '100%' }}
          disabled={!range}
          disabledDate={(d) => outside(d) || isWeekend(d)}
          defaultPickerValue={range?.[0]}
        />
      </Form.Item>
      <Form.Item label={t('term.makeup_workdays')} name="makeup_workdays" extra={t('term.makeup_hint')}>
        <DatePicker
          multiple
          maxTagCount="responsive"
          style={{ width: '100%' }}
          disabled={!range}
          disabledDate={(d) => outside(d) || !isWeekend(d)}
          defaultPickerValue={range?.[0]}
        />
      </Form.Item>
    </FormModal>
  );
}
