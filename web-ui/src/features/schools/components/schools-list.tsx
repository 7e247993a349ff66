import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useDistrictSchools } from '@/api/district-schools';
import type { DistrictId, DistrictSchool } from '@/api/types';
import { InvitationOnceModal, type ShownInvitation } from '@/components/invitation-once-modal';
import { ProblemAlert } from '@/components/problem-alert';
import { useT } from '@/lib/i18n';
import { planStatusColor, planStatusLabel } from '@/lib/service-labels';
import { schoolKindLabel } from '../school-kind';
import { InviteAdminModal } from './invite-admin-modal';
import { SchoolFormModal } from './school-form-modal';

type SchoolsListProps = {
  districtId: DistrictId;
  /** District admins add and edit schools and invite their admins; viewers only read. */
  canManage: boolean;
};

/**
 * 学校: the district's schools with their key figures (students, staff, the latest service plan's
 * status, admins with a login or an open invitation); admins add a school, edit it and invite
 * its admin, whose invitation is then shown once.
 */
export function SchoolsList({ districtId, canManage }: SchoolsListProps) {
  const t = useT();
  const query = useDistrictSchools(districtId);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<DistrictSchool>();
  const [inviting, setInviting] = useState<DistrictSchool>();
  const [shown, setShown] = useState<ShownInvitation>();

  const count = (testId: string) => (n: number) => (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {n}
    </span>
  );

  const columns: TableProps<DistrictSchool>['columns'] = [
    {
      title: t('school.name'),
      dataIndex: 'name',
      render: (name: string, s) => (
        <Flex vertical gap={0}>
          <Typography.Text strong data-testid="schools-row-name">
            {name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="school-code">
            {s.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('school.kind'),
      dataIndex: 'kind',
      render: (kind: string) => <span data-testid="school-kind-label">{schoolKindLabel(t, kind)}</span>,
    },
    { title: t('school.students'), dataIndex: 'students', align: 'right', render: count('school-students') },
    { title: t('school.staff'), dataIndex: 'staff', align: 'right', render: count('school-staff') },
    {
      title: t('school.plan_status'),
      dataIndex: 'plan_status',
      render: (status: string | null) =>
        status ? (
          <Tag color={planStatusColor(status)} data-testid="school-plan-status" data-status={status}>
            {planStatusLabel(t, status)}
          </Tag>
        ) : (
          <Typography.Text type="secondary" data-testid="school-plan-status" data-status="none">
            {t('school.plan_none')}
          </Typography.Text>
        ),
    },
    {
      title: t('school.admins'),
      dataIndex: 'admins',
      align: 'right',
      render: (admins: number) =>
        admins > 0 ? (
          count('school-admins')(admins)
        ) : (
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="school-admins">
            {t('school.admins_none')}
          </Tag>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, s) => (
        <Flex wrap>
          <Button size="small" type="link" onClick={() => setEditing(s)} data-testid="school-edit">
            {t('common.edit')}
          </Button>
          <Button size="small" type="link" onClick={() => setInviting(s)} data-testid="school-invite-admin">
            {t('school.invite_admin')}
          </Button>
        </Flex>
      ),
    });
  }

  return (
    <section data-testid="schools" aria-labelledby="schools-title">
      <Flex justify="space-between" align="start" wrap gap="small" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" id="schools-title" style={{ flex: '1 1 360px' }}>
          {canManage ? t('school.section_hint') : t('district.readonly')}
        </Typography.Text>
        {canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="school-create">
            {t('school.create')}
          </Button>
        ) : null}
      </Flex>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="schools-error" />
      <Table<DistrictSchool>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="schools-table"
        onRow={(s) =>
          ({ 'data-testid': 'schools-row', 'data-school-id': s.id, 'data-code': s.code }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Typography.Text type="secondary">{t('school.empty')}</Typography.Text> }}
      />
      {canManage ? (
        <>
          <SchoolFormModal districtId={districtId} open={creating} onClose={() => setCreating(false)} />
          <SchoolFormModal
            districtId={districtId}
            open={editing !== undefined}
            school={editing}
            onClose={() => setEditing(undefined)}
          />
          <InviteAdminModal
            districtId={districtId}
            school={inviting}
            onClose={() => setInviting(undefined)}
            onInvited={setShown}
          />
          <InvitationOnceModal shown={shown} onClose={() => setShown(undefined)} />
        </>
      ) : null}
    </section>
  );
}
