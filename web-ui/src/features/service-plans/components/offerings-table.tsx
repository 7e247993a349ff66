import { Table, Typography, type TableProps } from 'antd';
import type { Offering } from '@/api/types';
import { gradesText } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { offeringKindLabel, segmentKindLabel, weekdaysText } from '@/lib/service-labels';

/** The offerings of a plan version: kind, grades, days, times, the cap and how many seats are taken. */
export function OfferingsTable({ offerings, testId = 'offerings-table' }: { offerings: Offering[]; testId?: string }) {
  const t = useT();
  const columns: TableProps<Offering>['columns'] = [
    { title: t('offering.name'), dataIndex: 'name' },
    { title: t('offering.kind'), dataIndex: 'kind', render: (kind: string) => offeringKindLabel(t, kind) },
    { title: t('offering.grades'), dataIndex: 'grades', render: (grades: number[]) => gradesText(t, grades) },
    { title: t('offering.weekdays'), dataIndex: 'weekdays', render: (days: number[]) => weekdaysText(t, days) },
    {
      title: t('offering.time'),
      key: 'time',
      render: (_, o) => (
        <>
          {o.start_time}–{o.end_time}
          {o.early_grades_start_time ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('offering.early_grades_from', { time: o.early_grades_start_time })}
            </Typography.Text>
          ) : null}
          {(o.segments ?? []).length > 0 ? (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12, maxWidth: 320, whiteSpace: 'normal' }}
              data-testid="offering-segments"
            >
              {(o.segments ?? [])
                .map((g) =>
                  t('offering.segment', { kind: segmentKindLabel(t, g.kind), start: g.start_time, end: g.end_time }),
                )
                .join(' · ')}
            </Typography.Text>
          ) : null}
          {(o.season_times ?? []).map((s) => (
            <Typography.Text
              key={`${s.from}-${s.to}`}
              type="secondary"
              style={{ display: 'block', fontSize: 12 }}
              data-testid="offering-season-time"
            >
              {t('offering.season_time', { from: s.from, to: s.to, start: s.start_time, end: s.end_time })}
            </Typography.Text>
          ))}
        </>
      ),
    },
    {
      title: t('offering.cap'),
      dataIndex: 'cap',
      render: (cap: number | null | undefined, o) =>
        cap ? t('offering.cap_usage', { taken: o.taken, cap, waiting: o.waiting }) : t('offering.no_cap'),
    },
    {
      title: t('offering.boarders'),
      dataIndex: 'boarders_excluded',
      render: (excluded: boolean) => (excluded ? t('offering.boarders_excluded') : t('common.none')),
    },
  ];
  return (
    <Table<Offering>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={offerings}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}
