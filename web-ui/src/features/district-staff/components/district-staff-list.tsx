import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '@/api/problem';
import type { DistrictId, DistrictStaff } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { InvitationOnceModal, type ShownInvitation } from '@/components/invitation-once-modal';
import { LastSignIn } from '@/components/last-sign-in';
import { LoginStatusTag } from '@/components/login-status-tag';
import { describeProblem, useT } from '@/lib/i18n';
import { loginActions } from '@/lib/login-status';
import { useDistrictStaff } from '../api/get-district-staff';
import { useIssueDistrictInvitation } from '../api/issue-district-invitation';
import { useUpdateDistrictStaff } from '../api/update-district-staff';
import { districtRoleLabel } from '../district-role';
import { ChangeRoleModal } from './change-role-modal';
import { InviteDistrictStaffModal } from './invite-district-staff-modal';

type DistrictStaffListProps = {
  districtId: DistrictId;
  /** District admins invite, change roles, disable and enable; viewers only read. */
  canManage: boolean;
  /** The signed-in user's username: they cannot disable or demote themself. */
  selfUsername: string | undefined;
};

/**
 * 区级人员: the district office's accounts with their role (区管理员 / 区督导（只读）), login
 * status and last sign-in; admins invite (the invitation shown once), change a role, disable or
 * enable a login and invite again, each change confirmed.
 */
export function DistrictStaffList({ districtId, canManage, selfUsername }: DistrictStaffListProps) {
  const t = useT();
  const { message } = App.useApp();
  const query = useDistrictStaff(districtId);
  const update = useUpdateDistrictStaff(districtId);
  const reissue = useIssueDistrictInvitation(districtId);
  const [inviting, setInviting] = useState(false);
  const [changing, setChanging] = useState<DistrictStaff>();
  const [shown, setShown] = useState<ShownInvitation>();

  const failed = (error: unknown) =>
    void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error));

  const doReissue = (s: DistrictStaff) =>
    reissue.mutateAsync(s.id).then((invitation) => {
      void message.success(t('login.reissued', { name: s.display_name }));
      setShown({ name: s.display_name, username: s.username, invitation });
    }, failed);

  const setDisabled = (s: DistrictStaff, disabled: boolean) =>
    update
      .mutateAsync({ staff: s, body: { disabled } })
      .then(
        () =>
          void message.success(t(disabled ? 'login.disabled_done' : 'login.enabled_done', { name: s.display_name })),
        failed,
      );

  const columns: TableProps<DistrictStaff>['columns'] = [
    {
      title: t('district_staff.username'),
      dataIndex: 'username',
      render: (username: string) => (
        <span data-testid="district-staff-username-cell">
          {username}
          {username === selfUsername ? (
            <Typography.Text type="secondary">{t('district_staff.you')}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('district_staff.display_name'), dataIndex: 'display_name' },
    {
      title: t('district_staff.role'),
      dataIndex: 'role',
      render: (role: string) => (
        <Tag
          color={role === 'district_admin' ? 'blue' : 'default'}
          data-testid="district-staff-role-tag"
          data-role={role}
        >
          {districtRoleLabel(t, role)}
        </Tag>
      ),
    },
    {
      title: t('login.column'),
      dataIndex: 'login',
      render: (login: string) => <LoginStatusTag status={login} />,
    },
    {
      title: t('login.last_sign_in'),
      dataIndex: 'last_sign_in_at',
      render: (at: string | null) => <LastSignIn at={at} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, s) => {
        const can = loginActions(s.login);
        const self = s.username === selfUsername;
        return (
          <Flex wrap style={{ maxWidth: 180 }}>
            {!self ? (
              <Button size="small" type="link" onClick={() => setChanging(s)} data-testid="district-staff-change-role">
                {t('district_staff.change_role')}
              </Button>
            ) : null}
            {can.reissue && !self ? (
              <Popconfirm
                title={t('login.reissue_confirm', { name: s.display_name })}
                description={<div style={{ maxWidth: 300 }}>{t('login.reissue_hint')}</div>}
                okText={t('login.reissue')}
                okButtonProps={{ 'data-testid': 'district-staff-reissue-confirm' }}
                onConfirm={() => void doReissue(s)}
              >
                <Button size="small" type="link" data-testid="district-staff-reissue">
                  {t('login.reissue')}
                </Button>
              </Popconfirm>
            ) : null}
            {can.disable && !self ? (
              <Popconfirm
                title={t('login.disable_confirm', { name: s.display_name })}
                description={<div style={{ maxWidth: 300 }}>{t('login.disable_hint')}</div>}
                okText={t('login.disable')}
                okButtonProps={{ danger: true, 'data-testid': 'district-staff-disable-confirm' }}
                onConfirm={() => void setDisabled(s, true)}
              >
                <Button size="small" type="link" danger data-testid="district-staff-disable">
                  {t('login.disable')}
                </Button>
              </Popconfirm>
            ) : null}
            {can.enable ? (
              <Popconfirm
                title={t('login.enable_confirm', { name: s.display_name })}
                description={<div style={{ maxWidth: 300 }}>{t('login.enable_hint')}</div>}
                okText={t('login.enable')}
                okButtonProps={{ 'data-testid': 'district-staff-enable-confirm' }}
                onConfirm={() => void setDisabled(s, false)}
              >
                <Button size="small" type="link" data-testid="district-staff-enable">
                  {t('login.enable')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        );
      },
    });
  }

  return (
    <section data-testid="district-staff" aria-labelledby="district-staff-title">
      <Flex justify="space-between" align="start" wrap gap="small" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" id="district-staff-title" style={{ flex: '1 1 360px' }}>
          {canManage ? t('district_staff.section_hint') : t('district.readonly')}
        </Typography.Text>
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setInviting(true)}
            data-testid="district-staff-invite"
          >
            {t('district_staff.invite')}
          </Button>
        ) : null}
      </Flex>
      <CursorTable<DistrictStaff> testId="district-staff-table" query={query} columns={columns} rowKey="id" />
      {canManage ? (
        <>
          <InviteDistrictStaffModal
            districtId={districtId}
            open={inviting}
            onClose={() => setInviting(false)}
            onInvited={setShown}
          />
          <ChangeRoleModal districtId={districtId} staff={changing} onClose={() => setChanging(undefined)} />
          <InvitationOnceModal shown={shown} onClose={() => setShown(undefined)} />
        </>
      ) : null}
    </section>
  );
}
