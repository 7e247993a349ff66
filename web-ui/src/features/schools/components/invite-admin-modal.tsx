import { App, Form, Input, Typography } from 'antd';
import type { DistrictId, DistrictSchool } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import type { ShownInvitation } from '@/components/invitation-once-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useInviteSchoolAdmin, type AdminInvite } from '../api/invite-school-admin';

const MAPPING: ProblemMapping = {
  fields: ['name', 'phone', 'username'],
  codeFields: {
    'staff.duplicate_username': 'username',
    'auth.username_taken': 'username',
    'user.username_taken': 'username',
  },
};
const PHONE = /^[0-9+\- ]{5,20}$/;

type InviteAdminModalProps = {
  districtId: DistrictId;
  /** The school whose admin is invited; the dialog is open while it is set. */
  school: DistrictSchool | undefined;
  onClose: () => void;
  /** The invitation, to be shown once. */
  onInvited: (shown: ShownInvitation) => void;
};

/** 邀请管理员: name, phone and username of the school's admin; they set their own password. */
export function InviteAdminModal({ districtId, school, onClose, onInvited }: InviteAdminModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdminInvite>();
  const problem = useFormProblem(form, MAPPING);
  const invite = useInviteSchoolAdmin(districtId);
  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: AdminInvite) => {
    if (!school) return;
    problem.clear();
    const body = { name: values.name.trim(), phone: values.phone.trim(), username: values.username.trim() };
    invite.mutate(
      { schoolId: school.id, invite: body },
      {
        onSuccess: (staff) => {
          void message.success(t('school.admin_invited', { name: staff.name }));
          close();
          if (staff.invitation) {
            onInvited({ name: staff.name, username: staff.username ?? body.username, invitation: staff.invitation });
          }
        },
        onError: problem.show,
      },
    );
  };
  return (
    <FormModal<AdminInvite>
      open={school !== undefined}
      title={school ? t('school.invite_title', { school: school.name }) : ''}
      form={form}
      onFinish={submit}
      onCancel={close}
      submitting={invite.isPending}
      error={problem.error}
      testId="invite-admin-form"
    >
      <Typography.Paragraph type="secondary">{t('school.invite_hint')}</Typography.Paragraph>
      <Form.Item
        label={t('school.admin_name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('school.admin_name') }) },
          { max: 50, message: t('form.max_length', { label: t('school.admin_name'), max: 50 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={50} data-testid="invite-admin-name" />
      </Form.Item>
      <Form.Item
        label={t('school.admin_phone')}
        name="phone"
        rules={[
          { required: true, message: t('form.required', { label: t('school.admin_phone') }) },
          { pattern: PHONE, message: t('form.phone_invalid') },
        ]}
      >
        <Input autoComplete="off" inputMode="tel" maxLength={20} data-testid="invite-admin-phone" />
      </Form.Item>
      <Form.Item
        label={t('school.admin_username')}
        name="username"
        extra={t('school.admin_username_hint')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('school.admin_username') }) },
          { min: 3, max: 50, message: t('staff.username_min') },
        ]}
      >
        <Input autoComplete="off" maxLength={50} data-testid="invite-admin-username" />
      </Form.Item>
    </FormModal>
  );
}
