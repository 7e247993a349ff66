import { App, Form, Input, Radio } from 'antd';
import type { DistrictId, DistrictRole } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import type { ShownInvitation } from '@/components/invitation-once-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useCreateDistrictStaff } from '../api/create-district-staff';
import { DISTRICT_ROLES, districtRoleLabel } from '../district-role';

type Values = { username: string; display_name: string; role: DistrictRole };

const MAPPING: ProblemMapping = {
  fields: ['username', 'display_name', 'role'],
  codeFields: { 'user.username_taken': 'username', 'auth.username_taken': 'username' },
};

type InviteDistrictStaffModalProps = {
  districtId: DistrictId;
  open: boolean;
  onClose: () => void;
  onInvited: (shown: ShownInvitation) => void;
};

/** 邀请人员: username, name and role of a district account; the person sets their own password. */
export function InviteDistrictStaffModal({ districtId, open, onClose, onInvited }: InviteDistrictStaffModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateDistrictStaff(districtId);
  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    problem.clear();
    create.mutate(
      { username: values.username.trim(), display_name: values.display_name.trim(), role: values.role },
      {
        onSuccess: (created) => {
          void message.success(t('district_staff.invited', { name: created.display_name }));
          close();
          if (created.invitation) {
            onInvited({ name: created.display_name, username: created.username, invitation: created.invitation });
          }
        },
        onError: problem.show,
      },
    );
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('district_staff.invite')}
      form={form}
      initialValues={{ role: 'district_viewer' }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending}
      error={problem.error}
      testId="district-staff-form"
    >
      <Form.Item
        label={t('district_staff.display_name')}
        name="display_name"
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('form.required', { label: t('district_staff.display_name') }),
          },
          { max: 50, message: t('form.max_length', { label: t('district_staff.display_name'), max: 50 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={50} data-testid="district-staff-name" />
      </Form.Item>
      <Form.Item
        label={t('district_staff.username')}
        name="username"
        extra={t('school.admin_username_hint')}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('district_staff.username') }) },
          { min: 3, max: 50, message: t('staff.username_min') },
        ]}
      >
        <Input autoComplete="off" maxLength={50} data-testid="district-staff-username" />
      </Form.Item>
      <Form.Item label={t('district_staff.role')} name="role" rules={[{ required: true }]}>
        <Radio.Group
          data-testid="district-staff-role"
          options={DISTRICT_ROLES.map((r) => ({ value: r, label: districtRoleLabel(t, r) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
