import { Tag, type TableProps } from 'antd';
import type { Role, SchoolId, Staff } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { useT } from '@/lib/i18n';
import { useStaff } from '../api/get-staff';
import { roleLabel } from '../role-label';

/** 教职工: staff of the school with their roles. */
export function StaffList({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const query = useStaff(schoolId);
  const columns: TableProps<Staff>['columns'] = [
    { title: t('staff.name'), dataIndex: 'name' },
    { title: t('staff.username'), dataIndex: 'username' },
    { title: t('staff.phone'), dataIndex: 'phone' },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{roleLabel(t, r)}</Tag>),
    },
  ];
  return <CursorTable<Staff> testId="staff-table" query={query} columns={columns} rowKey="id" />;
}
