import type { TableProps } from 'antd';
import type { Homeroom, SchoolId } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { useHomerooms } from '../api/get-homerooms';

type HomeroomsListProps = {
  schoolId: SchoolId;
  /** The teacher's name, when the route can look staff up; otherwise a dash. */
  teacherName?: (staffId: NonNullable<Homeroom['homeroom_teacher_id']>) => string | undefined;
};

/** 行政班: each homeroom with its grade, homeroom teacher and number of students. */
export function HomeroomsList({ schoolId, teacherName }: HomeroomsListProps) {
  const t = useT();
  const query = useHomerooms(schoolId);
  const columns: TableProps<Homeroom>['columns'] = [
    { title: t('homeroom.grade'), dataIndex: 'grade', render: (g: number) => gradeLabel(t, g), width: 120 },
    { title: t('homeroom.name'), dataIndex: 'name' },
    {
      title: t('homeroom.teacher'),
      dataIndex: 'homeroom_teacher_id',
      render: (id: Homeroom['homeroom_teacher_id']) =>
        (id !== null && id !== undefined && teacherName?.(id)) || t('common.none'),
    },
    { title: t('homeroom.student_count'), dataIndex: 'student_count', align: 'right' },
  ];
  return <CursorTable<Homeroom> testId="homerooms-table" query={query} columns={columns} rowKey="id" />;
}
