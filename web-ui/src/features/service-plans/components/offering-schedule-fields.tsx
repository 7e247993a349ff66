import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '@/lib/i18n';
import { SEGMENT_KINDS, segmentKindLabel } from '@/lib/service-labels';
import type { SegmentKind } from '@/api/types';

const TIME = 'HH:mm';
/** A day of the year, `MM-DD` (a season may run over the new year). */
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type SegmentValues = { kind: SegmentKind; start_time: Dayjs; end_time: Dayjs };
export type SeasonTimeValues = { from: string; to: string; start_time: Dayjs; end_time: Dayjs };

type ListProps = {
  /** The offering's index in the `offerings` list. */
  offering: number;
};

function useEndAfterStart(path: (string | number)[]) {
  const t = useT();
  return ({ getFieldValue }: { getFieldValue: (name: (string | number)[]) => unknown }) => ({
    validator: async (_: unknown, end: Dayjs | undefined) => {
      const start = getFieldValue([...path, 'start_time']) as Dayjs | undefined;
      if (start && end && !end.isAfter(start)) throw new Error(t('offering.end_after_start'));
      return Promise.resolve();
    },
  });
}

function TimeRange({ path, name }: { path: (string | number)[]; name: number }) {
  const t = useT();
  const endAfterStart = useEndAfterStart(path);
  const required = { required: true, message: t('form.select', { label: t('offering.time') }) };
  return (
    <>
      <Form.Item name={[name, 'start_time']} rules={[required]} style={{ marginBottom: 0 }}>
        <TimePicker
          format={TIME}
          minuteStep={5}
          needConfirm={false}
          placeholder={t('offering.start_time')}
          style={{ width: 96 }}
        />
      </Form.Item>
      <Typography.Text type="secondary">–</Typography.Text>
      <Form.Item
        name={[name, 'end_time']}
        dependencies={[[...path, 'start_time']]}
        rules={[required, endAfterStart]}
        style={{ marginBottom: 0 }}
      >
        <TimePicker
          format={TIME}
          minuteStep={5}
          needConfirm={false}
          placeholder={t('offering.end_time')}
          style={{ width: 96 }}
        />
      </Form.Item>
    </>
  );
}

/** 时间段: the parts of a session in order (休息, 作业辅导, 社团活动), each with its times. */
export function SegmentsField({ offering }: ListProps) {
  const t = useT();
  return (
    <Form.Item label={t('offering.segments')} tooltip={t('offering.segments_hint')} style={{ marginBottom: 8 }}>
      <Form.List name={[offering, 'segments']}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="plan-offering-segments">
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="plan-offering-segment">
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: t('form.select', { label: t('offering.segment_kind') }) }]}
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    style={{ width: 120 }}
                    aria-label={t('offering.segment_kind')}
                    options={SEGMENT_KINDS.map((k) => ({ value: k, label: segmentKindLabel(t, k) }))}
                  />
                </Form.Item>
                <TimeRange path={['offerings', offering, 'segments', field.name]} name={field.name} />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('offering.segment_remove', { no: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              data-testid="plan-segment-add"
              onClick={() => add({ kind: SEGMENT_KINDS[Math.min(fields.length, SEGMENT_KINDS.length - 1)] })}
            >
              {t('offering.segment_add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 季节作息: times that replace the base times between two days of the year (e.g. 夏令时 05-01 to 09-30). */
export function SeasonTimesField({ offering }: ListProps) {
  const t = useT();
  const monthDay = (label: string) => [
    { required: true, message: t('form.required', { label }) },
    { pattern: MONTH_DAY, message: t('offering.month_day_format') },
  ];
  return (
    <Form.Item label={t('offering.season_times')} tooltip={t('offering.season_times_hint')} style={{ marginBottom: 8 }}>
      <Form.List name={[offering, 'season_times']}>
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8} data-testid="plan-offering-seasons">
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="plan-offering-season">
                <Form.Item
                  name={[field.name, 'from']}
                  rules={monthDay(t('offering.season_from'))}
                  style={{ marginBottom: 0 }}
                >
                  <Input
                    placeholder="05-01"
                    maxLength={5}
                    style={{ width: 76 }}
                    aria-label={t('offering.season_from')}
                  />
                </Form.Item>
                <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                  {t('plan.window_to')}
                </Typography.Text>
                <Form.Item
                  name={[field.name, 'to']}
                  rules={monthDay(t('offering.season_to'))}
                  style={{ marginBottom: 0 }}
                >
                  <Input placeholder="09-30" maxLength={5} style={{ width: 76 }} aria-label={t('offering.season_to')} />
                </Form.Item>
                <TimeRange path={['offerings', offering, 'season_times', field.name]} name={field.name} />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('offering.season_remove', { no: index + 1 })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'flex-start' }}
              data-testid="plan-season-add"
              onClick={() => add({ from: '', to: '' })}
            >
              {t('offering.season_add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
