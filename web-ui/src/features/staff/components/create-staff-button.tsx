import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Divider, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useCreateStaff } from '@/api/staff';
import type { Role, SchoolId } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { InvitationOnceModal, type ShownInvitation } from '@/components/invitation-once-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { roleLabel, SCHOOL_ROLES } from '../role-label';

type Values = { name: string; phone: string; roles: Role[]; username?: string };

const MAPPING: ProblemMapping = {
  fields: ['name', 'phone', 'roles', 'username'],
  codeFields: {
    'staff.duplicate_username': 'username',
    'auth.username_taken': 'username',
    'user.username_taken': 'username',
  },
};
const PHONE = /^[0-9+\- ]{5,20}$/;

/**
 * 新增教职工: name, phone, roles and, optionally, a username: the login is then opened by an
 * invitation (shown once, for the person to set their own password), never by a password set here.
 */
export function CreateStaffButton({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [invited, setInvited] = useState<ShownInvitation>();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateStaff(schoolId);
  const close = () => {
    problem.clear();
    setOpen(false);
  };
  const submit = ({ username, ...rest }: Values) => {
    problem.clear();
    const login = username?.trim() ? { username: username.trim() } : {};
    create.mutate(
      { ...rest, ...login },
      {
        onSuccess: (created) => {
          void message.success(t('staff.created', { name: created.name }));
          close();
          if (created.invitation && created.username) {
            setInvited({ name: created.name, username: created.username, invitation: created.invitation });
          }
        },
        onError: problem.show,
      },
    );
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="staff-create">
        {t('staff.create')}
      </Button>
      <FormModal<Values>
        open={open}
        title={t('staff.create')}
        form={form}
        initialValues={{ roles: [] }}
        onFinish={submit}
        onCancel={close}
        submitting={create.isPending}
        error={problem.error}
        testId="staff-form"
      >
        <Form.Item
          label={t('staff.name')}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('staff.name') }) },
            { max: 50, message: t('form.max_length', { label: t('staff.name'), max: 50 }) },
          ]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('staff.phone')}
          name="phone"
          rules={[
            { required: true, message: t('form.required', { label: t('staff.phone') }) },
            { pattern: PHONE, message: t('form.phone_invalid') },
          ]}
        >
          <Input autoComplete="off" inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          label={t('staff.roles')}
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: t('form.select', { label: t('staff.roles') }) }]}
        >
          <Select<Role[]> mode="multiple" options={SCHOOL_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))} />
        </Form.Item>
        <Divider orientation="left" plain style={{ marginTop: 8 }}>
          {t('staff.login')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('staff.login_hint')}</Typography.Paragraph>
        <Form.Item
          label={t('staff.username')}
          name="username"
          rules={[{ min: 3, max: 50, message: t('staff.username_min') }]}
        >
          <Input autoComplete="off" maxLength={50} data-testid="staff-username" />
        </Form.Item>
      </FormModal>
      <InvitationOnceModal shown={invited} onClose={() => setInvited(undefined)} />
    </>
  );
}
