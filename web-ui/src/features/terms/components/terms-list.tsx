import { Popover, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { SchoolId, Term } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { useT } from '@/lib/i18n';
import { useTerms } from '../api/get-terms';

/** Dates are school-local `YYYY-MM-DD`; show them as such, with the weekday. */
function day(date: string): string {
  return dayjs(date).format('YYYY-MM-DD ddd');
}

function DayList({ dates, label }: { dates: string[]; label: string }) {
  if (dates.length === 0) return <>{label}</>;
  return (
    <Popover
      content={
        <div style={{ maxHeight: 240, overflow: 'auto' }}>
          {dates.map((d) => (
            <div key={d}>{day(d)}</div>
          ))}
        </div>
      }
    >
      <Tag style={{ cursor: 'help' }}>{label}</Tag>
    </Popover>
  );
}

/** 学期: terms with their dates, holidays and make-up workdays (调休). */
export function TermsList({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const query = useTerms(schoolId);
  const columns: TableProps<Term>['columns'] = [
    { title: t('term.name'), dataIndex: 'name' },
    { title: t('term.start_date'), dataIndex: 'start_date', render: day },
    { title: t('term.end_date'), dataIndex: 'end_date', render: day },
    {
      title: t('term.holidays'),
      dataIndex: 'holidays',
      render: (dates: string[]) => <DayList dates={dates} label={t('term.days', { count: dates.length })} />,
    },
    {
      title: t('term.makeup_workdays'),
      dataIndex: 'makeup_workdays',
      render: (dates: string[]) => <DayList dates={dates} label={t('term.days', { count: dates.length })} />,
    },
  ];
  return <CursorTable<Term> testId="terms-table" query={query} columns={columns} rowKey="id" />;
}
