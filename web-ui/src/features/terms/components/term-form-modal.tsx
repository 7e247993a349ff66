import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '@/api/problem';
import type { SchoolId, Term } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { flattenPages } from '@/lib/cursor';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { weekdayLabel } from '@/lib/service-labels';
import { useCreateTerm } from '../api/create-term';
import { termsQueryOptions } from '../api/get-terms';
import { useUpdateTerm } from '../api/update-term';
import {
  dayStrings,
  makeupDayLabel,
  termBody,
  termValues,
  timetableFor,
  TIMETABLE_WEEKDAYS,
  type TermValues,
  type Timetable,
} from '../term-values';

type Values = TermValues;

const MAPPING: ProblemMapping = {
  fields: ['name', 'dates', 'holidays', 'makeup_workdays'],
  aliases: { start_date: 'dates', end_date: 'dates', makeup_timetable: 'makeup_workdays' },
  // `makeup_timetable.2026-10-10` lands on that day's 按周几课表 select.
  records: ['makeup_timetable'],
};

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
 * workdays (weekend days with school, 调休), each picked inside the term; for each make-up day,
 * the weekday whose timetable it follows (按周几课表, Monday unless chosen).
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
    if (fresh) form.setFieldsValue(termValues(fresh));
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
    if (term) update.mutate({ term, body: termBody(values) }, { onSuccess, onError });
    else create.mutate(termBody(values), { onSuccess, onError });
  };

  return (
    <FormModal<Values>
      open={open}
      title={term ? t('term.edit') : t('term.create')}
      form={form}
      initialValues={term ? termValues(term) : { holidays: [], makeup_workdays: [], makeup_timetable: {} }}
      onValuesChange={(changed: Partial<Values>) => {
        // Days outside new term dates no longer belong to it.
        const [start, end] = changed.dates ?? [];
        if (start && end) {
          const inside = (d: Dayjs) => !d.isBefore(start, 'day') && !d.isAfter(end, 'day');
          for (const field of ['holidays', 'makeup_workdays'] as const) {
            const days = form.getFieldValue(field) as Dayjs[] | undefined;
            form.setFieldValue(field, (days ?? []).filter(inside));
          }
        }
        if (changed.dates || changed.makeup_workdays) {
          // A day no longer a make-up day follows no timetable.
          const days = dayStrings(form.getFieldValue('makeup_workdays') as Dayjs[] | undefined);
          const timetable = form.getFieldValue('makeup_timetable') as Timetable | undefined;
          form.setFieldValue('makeup_timetable', timetableFor(days, timetable));
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
      <Form.Item noStyle dependencies={['makeup_workdays']}>
        {() => {
          const days = dayStrings(form.getFieldValue('makeup_workdays') as Dayjs[] | undefined);
          if (days.length === 0) return null;
          // Not nested in a Form.Item: a vertical item would stack its inner items' labels too.
          return (
            <div data-testid="term-makeup-timetable" style={{ marginBottom: 24 }}>
              <div style={{ paddingBottom: 8 }}>{t('term.makeup_timetable')}</div>
              {days.map((day) => (
                <Form.Item
                  key={day}
                  name={['makeup_timetable', day]}
                  label={makeupDayLabel(t, day)}
                  layout="horizontal"
                  colon={false}
                  labelCol={{ flex: '140px' }}
                  labelAlign="left"
                  style={{ marginBottom: 8 }}
                >
                  <Select
                    style={{ width: 120 }}
                    data-testid={`term-makeup-timetable-${day}`}
                    options={TIMETABLE_WEEKDAYS.map((n) => ({ value: n, label: weekdayLabel(t, n) }))}
                  />
                </Form.Item>
              ))}
              <Typography.Text type="secondary">{t('term.makeup_timetable_hint')}</Typography.Text>
            </div>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}
