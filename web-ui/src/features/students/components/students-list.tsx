import { Flex, Input, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useStudents, type StudentSearch } from '@/api/students';
import type { HomeroomId, SchoolId, Student } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { GRADES, gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { flagLabel, genderLabel } from '../labels';
import { StudentDetailDrawer } from './student-detail-drawer';
import type { HomeroomFieldRenderer } from './student-form-modal';

export type HomeroomFilterProps = {
  grade: number | undefined;
  value: HomeroomId | undefined;
  onChange: (homeroomId: HomeroomId | undefined) => void;
};

type StudentsListProps = {
  schoolId: SchoolId;
  showContacts: boolean;
  /** The homeroom picker comes from the homerooms feature; the route passes it in. */
  renderHomeroomFilter?: (props: HomeroomFilterProps) => ReactNode;
  /** Given to roles that may change the roster: the student drawer then edits and deletes. */
  renderHomeroomField?: HomeroomFieldRenderer;
};

/** 学生: search by name or 学号, filter by grade and homeroom, open a student's details. */
export function StudentsList({ schoolId, showContacts, renderHomeroomFilter, renderHomeroomField }: StudentsListProps) {
  const t = useT();
  const [search, setSearch] = useState<StudentSearch>({});
  const [selected, setSelected] = useState<Student>();
  const query = useStudents(schoolId, search);

  const columns: TableProps<Student>['columns'] = [
    { title: t('student.student_no'), dataIndex: 'student_no', width: 140 },
    {
      title: t('student.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <a
          href={`#student-${row.id}`}
          data-testid="student-open"
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setSelected(row);
          }}
        >
          {name}
        </a>
      ),
    },
    { title: t('student.gender'), dataIndex: 'gender', render: (g: Student['gender']) => genderLabel(t, g) },
    { title: t('student.grade'), dataIndex: 'grade', render: (g: number) => gradeLabel(t, g) },
    { title: t('student.homeroom'), dataIndex: 'homeroom_name' },
    {
      title: t('student.flags'),
      dataIndex: 'flags',
      render: (flags: string[]) => flags.map((f) => <Tag key={f}>{flagLabel(t, f)}</Tag>),
    },
  ];

  return (
    <>
      <Flex wrap gap="small" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('student.search_placeholder')}
          placeholder={t('student.search_placeholder')}
          allowClear
          enterButton={t('common.search')}
          style={{ width: 320, maxWidth: '100%' }}
          data-testid="students-search"
          onSearch={(value) => setSearch((s) => ({ ...s, q: value.trim() || undefined }))}
        />
        <Select<number>
          aria-label={t('student.filter_grade')}
          placeholder={t('student.filter_grade')}
          allowClear
          style={{ width: 140 }}
          data-testid="students-filter-grade"
          value={search.grade}
          options={GRADES.map((g) => ({ value: g, label: gradeLabel(t, g) }))}
          onChange={(grade) => setSearch((s) => ({ ...s, grade, homeroom_id: undefined }))}
        />
        {renderHomeroomFilter?.({
          grade: search.grade,
          value: search.homeroom_id,
          onChange: (homeroom_id) => setSearch((s) => ({ ...s, homeroom_id })),
        })}
      </Flex>
      <CursorTable<Student>
        testId="students-table"
        query={query}
        columns={columns}
        rowKey="id"
        onRowClick={setSelected}
      />
      <StudentDetailDrawer
        schoolId={schoolId}
        student={selected}
        showContacts={showContacts}
        renderHomeroomField={renderHomeroomField}
        onClose={() => setSelected(undefined)}
      />
    </>
  );
}
