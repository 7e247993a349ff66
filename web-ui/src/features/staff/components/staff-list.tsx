import { App, Button, Flex, Popconfirm, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '@/api/problem';
import type { Role, SchoolId, Staff } from '@/api/types';
import { CursorTable } from '@/components/cursor-table';
import { InvitationOnceModal, type ShownInvitation } from '@/components/invitation-once-modal';
import { LastSignIn } from '@/components/last-sign-in';
import { LoginStatusTag } from '@/components/login-status-tag';
import { describeProblem, useT } from '@/lib/i18n';
import { loginActions } from '@/lib/login-status';
import { useStaff } from '../api/get-staff';
import { useIssueStaffInvitation } from '../api/issue-staff-invitation';
import { useSetStaffLogin } from '../api/set-staff-login';
import { roleLabel } from '../role-label';

type StaffListProps = {
  schoolId: SchoolId;
  /** May invite again, disable and enable logins (`manageStaff`); else the list is read-only. */
  canManage: boolean;
  /** The signed-in user: their own login cannot be disabled here. */
  selfUserId: number | undefined;
};

/**
 * 教职工: staff of the school with their roles, login status (未开通 / 已邀请 / 已启用 / 已停用)
 * and last sign-in; admins invite again (a new code, the earlier one stops working), disable
 * and enable logins, each after a confirmation.
 */
export function StaffList({ schoolId, canManage, selfUserId }: StaffListProps) {
  const t = useT();
  const { message } = App.useApp();
  const query = useStaff(schoolId);
  const reissue = useIssueStaffInvitation(schoolId);
  const setLogin = useSetStaffLogin(schoolId);
  const [shown, setShown] = useState<ShownInvitation>();

  const failed = (error: unknown) =>
    void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error));

  const doReissue = (s: Staff) =>
    reissue.mutateAsync(s.id).then((invitation) => {
      void message.success(t('login.reissued', { name: s.name }));
      setShown({ name: s.name, username: s.username ?? '', invitation });
    }, failed);

  const doSetLogin = (s: Staff, enabled: boolean) =>
    setLogin
      .mutateAsync({ id: s.id, enabled })
      .then(
        () => void message.success(t(enabled ? 'login.enabled_done' : 'login.disabled_done', { name: s.name })),
        failed,
      );

  const columns: TableProps<Staff>['columns'] = [
    { title: t('staff.name'), dataIndex: 'name' },
    { title: t('staff.username'), dataIndex: 'username' },
    { title: t('staff.phone'), dataIndex: 'phone' },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{roleLabel(t, r)}</Tag>),
    },
    {
      title: t('login.column'),
      dataIndex: 'login',
      render: (login: Staff['login']) => <LoginStatusTag status={login} />,
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
        const self = selfUserId !== undefined && s.user_id === selfUserId;
        return (
          <Flex wrap style={{ maxWidth: 180 }}>
            {can.reissue && !self ? (
              <Popconfirm
                title={t('login.reissue_confirm', { name: s.name })}
                description={<div style={{ maxWidth: 300 }}>{t('login.reissue_hint')}</div>}
                okText={t('login.reissue')}
                okButtonProps={{ 'data-testid': 'staff-reissue-confirm' }}
                onConfirm={() => void doReissue(s)}
              >
                <Button size="small" type="link" data-testid="staff-reissue">
                  {t('login.reissue')}
                </Button>
              </Popconfirm>
            ) : null}
            {can.disable && !self ? (
              <Popconfirm
                title={t('login.disable_confirm', { name: s.name })}
                description={<div style={{ maxWidth: 300 }}>{t('login.disable_hint')}</div>}
                okText={t('login.disable')}
                okButtonProps={{ danger: true, 'data-testid': 'staff-disable-confirm' }}
                onConfirm={() => void doSetLogin(s, false)}
              >
                <Button size="small" type="link" danger data-testid="staff-disable">
                  {t('login.disable')}
                </Button>
              </Popconfirm>
            ) : null}
            {can.enable ? (
              <Popconfirm
                title={t('login.enable_confirm', { name: s.name })}
                description={<div style={{ maxWidth: 300 }}>{t('login.enable_hint')}</div>}
                okText={t('login.enable')}
                okButtonProps={{ 'data-testid': 'staff-enable-confirm' }}
                onConfirm={() => void doSetLogin(s, true)}
              >
                <Button size="small" type="link" data-testid="staff-enable">
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
    <>
      <CursorTable<Staff> testId="staff-table" query={query} columns={columns} rowKey="id" />
      <InvitationOnceModal shown={shown} onClose={() => setShown(undefined)} />
    </>
  );
}
