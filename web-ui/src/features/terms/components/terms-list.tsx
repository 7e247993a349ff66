import { Button, Flex, Popover, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { SchoolId, Term, TermId } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { flattenPages } from '@/lib/cursor';
import { useT } from '@/lib/i18n';
import { useTerms } from '../api/get-terms';
import { makeupDaysText } from '../term-values';
import { TermFormModal } from './term-form-modal';

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

/**
 * 学期: terms with their dates, holidays and make-up workdays (调休, each with the weekday whose
 * timetable it follows); editable by roster editors.
 */
export function TermsList({ schoolId, canEdit = false }: { schoolId: SchoolId; canEdit?: boolean }) {
  const t = useT();
  const query = useTerms(schoolId);
  const [editingId, setEditingId] = useState<TermId>();
  const editing = flattenPages(query.data).find((term) => term.id === editingId);
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
      // A term has a few make-up days: each is shown with the weekday whose timetable it follows.
      title: t('term.makeup_workdays'),
      dataIndex: 'makeup_workdays',
      render: (dates: string[], term) =>
        dates.length === 0 ? (
          t('term.days', { count: 0 })
        ) : (
          <Flex vertical gap={2} data-testid="term-makeup-days">
            {makeupDaysText(t, term).map((text) => (
              <span key={text} style={{ whiteSpace: 'nowrap' }} data-testid="term-makeup-day">
                {text}
              </span>
            ))}
          </Flex>
        ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, term) => (
        <Button type="link" size="small" onClick={() => setEditingId(term.id)} data-testid="term-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <>
      <CursorTable<Term> testId="terms-table" query={query} columns={columns} rowKey="id" />
      <TermFormModal
        schoolId={schoolId}
        open={editing !== undefined}
        term={editing}
        onClose={() => setEditingId(undefined)}
      />
    </>
  );
}
