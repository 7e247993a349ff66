import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { NewOffering, NewServicePlan, OfferingKind, SchoolId, ServicePlan, Term, TermId } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { GRADES, gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import {
  EXEMPTION_CATEGORIES,
  exemptionLabel,
  OFFERING_KINDS,
  offeringKindLabel,
  WEEKDAYS,
  weekdayLabel,
} from '@/lib/service-labels';
import { useCreateServicePlan } from '../api/create-service-plan';
import { useEditServicePlan } from '../api/plan-drafts';
import { SeasonTimesField, SegmentsField, type SeasonTimeValues, type SegmentValues } from './offering-schedule-fields';

type OfferingValues = {
  kind: OfferingKind;
  name: string;
  grades: number[];
  weekdays: number[];
  start_time: Dayjs;
  end_time: Dayjs;
  early_grades_start_time?: Dayjs | null;
  cap?: number | null;
  boarders_excluded?: boolean;
  segments?: SegmentValues[];
  season_times?: SeasonTimeValues[];
};

type Values = {
  window: [Dayjs, Dayjs];
  exemption_categories: string[];
  offerings: OfferingValues[];
};

const MAPPING: ProblemMapping = {
  fields: ['window', 'exemption_categories', 'offerings'],
  aliases: { window_opens_at: 'window', window_closes_at: 'window' },
  lists: ['offerings'],
};

const TIME = 'HH:mm';
dayjs.extend(customParseFormat);

/** Times travel as school-local `HH:MM`; a TimePicker needs a full date, so today's is used. */
const time = (hhmm: string) => dayjs(hhmm, TIME);

function offeringValues(o: NewOffering): OfferingValues {
  return {
    kind: o.kind,
    name: o.name,
    grades: o.grades,
    weekdays: o.weekdays,
    start_time: time(o.start_time),
    end_time: time(o.end_time),
    early_grades_start_time: o.early_grades_start_time ? time(o.early_grades_start_time) : null,
    cap: o.cap ?? null,
    boarders_excluded: o.boarders_excluded ?? false,
    segments: (o.segments ?? []).map((g) => ({
      kind: g.kind,
      start_time: time(g.start_time),
      end_time: time(g.end_time),
    })),
    season_times: (o.season_times ?? []).map((x) => ({
      from: x.from,
      to: x.to,
      start_time: time(x.start_time),
      end_time: time(x.end_time),
    })),
  };
}

/** The common plan: the afternoon basic service for grades 1–6 on school days (grades 1–2 later). */
function starterOffering(name: string): NewOffering {
  return {
    kind: 'afternoon_basic',
    name,
    grades: [1, 2, 3, 4, 5, 6],
    weekdays: [1, 2, 3, 4, 5],
    start_time: '16:00',
    end_time: '17:30',
    early_grades_start_time: null,
    cap: null,
    boarders_excluded: false,
  };
}

function bodyOf(termId: TermId, values: Values): NewServicePlan {
  return {
    term_id: termId,
    window_opens_at: values.window[0].toISOString(),
    window_closes_at: values.window[1].toISOString(),
    exemption_categories: values.exemption_categories,
    offerings: values.offerings.map((o) => ({
      kind: o.kind,
      name: o.name.trim(),
      grades: [...o.grades].sort((a, b) => a - b),
      weekdays: [...o.weekdays].sort((a, b) => a - b),
      start_time: o.start_time.format(TIME),
      end_time: o.end_time.format(TIME),
      early_grades_start_time: o.early_grades_start_time ? o.early_grades_start_time.format(TIME) : null,
      cap: o.cap ?? null,
      boarders_excluded: o.boarders_excluded ?? false,
      segments: (o.segments ?? []).map((g) => ({
        kind: g.kind,
        start_time: g.start_time.format(TIME),
        end_time: g.end_time.format(TIME),
      })),
      season_times: (o.season_times ?? []).map((x) => ({
        from: x.from.trim(),
        to: x.to.trim(),
        start_time: x.start_time.format(TIME),
        end_time: x.end_time.format(TIME),
      })),
    })),
  };
}

type PlanFormModalProps = {
  schoolId: SchoolId;
  term: Term;
  /** The newest version of the term: a new version starts as its copy. */
  basedOn?: ServicePlan;
  /** A draft being edited: the form starts from it and saving replaces it (If-Match). */
  editing?: ServicePlan;
  open: boolean;
  onClose: () => void;
};

/**
 * 新建方案版本: the application window and the offerings (服务项目), each a kind of service for
 * some grades on some weekdays, with its times and an optional cap (extra applicants then wait in
 * a queue, never refused). An approved version never changes; a change is a new version.
 */
export function PlanFormModal({ schoolId, term, basedOn: copied, editing, open, onClose }: PlanFormModalProps) {
  const basedOn = editing ?? copied;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateServicePlan(schoolId);
  const edit = useEditServicePlan(schoolId);

  const initialValues: Partial<Values> = {
    window: basedOn
      ? [dayjs(basedOn.window_opens_at), dayjs(basedOn.window_closes_at)]
      : [dayjs().startOf('day'), dayjs().add(30, 'day').endOf('day')],
    // An older server may not send the categories; the district's default is all three.
    exemption_categories: basedOn?.exemption_categories ?? [...EXEMPTION_CATEGORIES],
    offerings: (basedOn?.offerings ?? [starterOffering(offeringKindLabel(t, 'afternoon_basic'))]).map(offeringValues),
  };

  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    problem.clear();
    if (editing) {
      edit.mutate(
        { plan: editing, body: bodyOf(term.id, values) },
        {
          onSuccess: () => {
            void message.success(t('plan.edited', { no: editing.version_no }));
            close();
          },
          onError: problem.show,
        },
      );
      return;
    }
    create.mutate(bodyOf(term.id, values), {
      onSuccess: (plan) => {
        void message.success(t('plan.created', { no: plan.version_no }));
        close();
      },
      onError: problem.show,
    });
  };

  const required = (label: string) => ({ required: true, message: t('form.required', { label }) });
  const selectRequired = (label: string) => ({ required: true, message: t('form.select', { label }) });

  return (
    <FormModal<Values>
      open={open}
      title={
        editing
          ? t('plan.edit_title', { no: editing.version_no, term: term.name })
          : t('plan.create_title', { term: term.name })
      }
      form={form}
      initialValues={initialValues}
      onValuesChange={(changed: Partial<Values>, all: Values) => {
        // A new kind names the offering after it, unless the user already named it otherwise.
        changed.offerings?.forEach((o, i) => {
          if (!o?.kind) return;
          const current = all.offerings[i];
          const named = current?.name?.trim();
          if (!named || (OFFERING_KINDS as readonly string[]).some((k) => offeringKindLabel(t, k) === named)) {
            form.setFieldValue(['offerings', i, 'name'], offeringKindLabel(t, o.kind));
          }
        });
      }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending || edit.isPending}
      error={problem.error}
      testId="plan-form"
      width={800}
    >
      <Form.Item
        label={t('plan.window')}
        name="window"
        extra={t('plan.window_hint')}
        rules={[selectRequired(t('plan.window'))]}
      >
        <DatePicker.RangePicker showTime={{ format: TIME }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('plan.exemption_categories')} name="exemption_categories" extra={t('plan.exemption_hint')}>
        <Checkbox.Group options={EXEMPTION_CATEGORIES.map((c) => ({ value: c, label: exemptionLabel(t, c) }))} />
      </Form.Item>
      <Typography.Title level={2} style={{ fontSize: 15, margin: '8px 0 12px' }}>
        {t('plan.offerings')}
      </Typography.Title>
      <Form.List
        name="offerings"
        rules={[
          {
            validator: async (_, list: unknown[] | undefined) => {
              if (!list?.length) throw new Error(t('plan.offerings_required'));
              return Promise.resolve();
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid="plan-offering"
                title={t('plan.offering_no', { no: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('plan.offering_remove', { no: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <Row gutter={12}>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      label={t('offering.kind')}
                      name={[field.name, 'kind']}
                      rules={[selectRequired(t('offering.kind'))]}
                    >
                      <Select
                        data-testid="plan-offering-kind"
                        options={OFFERING_KINDS.map((k) => ({ value: k, label: offeringKindLabel(t, k) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={14}>
                    <Form.Item
                      label={t('offering.name')}
                      name={[field.name, 'name']}
                      rules={[
                        { ...required(t('offering.name')), whitespace: true },
                        { max: 50, message: t('form.max_length', { label: t('offering.name'), max: 50 }) },
                      ]}
                    >
                      <Input maxLength={50} autoComplete="off" data-testid="plan-offering-name" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item
                  label={t('offering.grades')}
                  name={[field.name, 'grades']}
                  rules={[selectRequired(t('offering.grades'))]}
                >
                  <Select
                    mode="multiple"
                    allowClear
                    data-testid="plan-offering-grades"
                    options={GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }))}
                  />
                </Form.Item>
                <Form.Item
                  label={t('offering.weekdays')}
                  name={[field.name, 'weekdays']}
                  rules={[selectRequired(t('offering.weekdays'))]}
                >
                  <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: weekdayLabel(t, d) }))} />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={12} sm={6}>
                    <Form.Item
                      label={t('offering.start_time')}
                      name={[field.name, 'start_time']}
                      rules={[selectRequired(t('offering.start_time'))]}
                    >
                      <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item
                      label={t('offering.end_time')}
                      name={[field.name, 'end_time']}
                      dependencies={[['offerings', field.name, 'start_time']]}
                      rules={[
                        selectRequired(t('offering.end_time')),
                        ({ getFieldValue }) => ({
                          validator: async (_, end: Dayjs | undefined) => {
                            const start = getFieldValue(['offerings', field.name, 'start_time']) as Dayjs | undefined;
                            if (start && end && !end.isAfter(start)) throw new Error(t('offering.end_after_start'));
                            return Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <TimePicker format={TIME} minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item
                      label={t('offering.early_grades_start')}
                      name={[field.name, 'early_grades_start_time']}
                      tooltip={t('offering.early_grades_hint')}
                    >
                      <TimePicker
                        format={TIME}
                        minuteStep={5}
                        needConfirm={false}
                        placeholder={t('common.optional')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item label={t('offering.cap')} name={[field.name, 'cap']} tooltip={t('offering.cap_hint')}>
                      <InputNumber
                        min={1}
                        max={5000}
                        precision={0}
                        placeholder={t('offering.no_cap')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                </Row>
                <SegmentsField offering={field.name} />
                <SeasonTimesField offering={field.name} />
                <Form.Item name={[field.name, 'boarders_excluded']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox>{t('offering.boarders_excluded_label')}</Checkbox>
                </Form.Item>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              data-testid="plan-offering-add"
              onClick={() =>
                add(
                  offeringValues({
                    ...starterOffering(offeringKindLabel(t, 'late_extension')),
                    kind: 'late_extension',
                    start_time: '17:30',
                    end_time: '18:30',
                  }),
                )
              }
            >
              {t('plan.offering_add')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
