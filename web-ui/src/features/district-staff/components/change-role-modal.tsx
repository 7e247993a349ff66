import { App, Form, Radio } from 'antd';
import type { DistrictId, DistrictRole, DistrictStaff } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useUpdateDistrictStaff } from '../api/update-district-staff';
import { DISTRICT_ROLES, districtRoleLabel } from '../district-role';

type Values = { role: DistrictRole };

const MAPPING: ProblemMapping = { fields: ['role'], codeFields: { 'staff.self': 'role' } };

type ChangeRoleModalProps = {
  districtId: DistrictId;
  /** The account whose role changes; the dialog is open while it is set. */
  staff: DistrictStaff | undefined;
  onClose: () => void;
};

/** 更改角色: 区管理员 or 区督导（只读）. An admin cannot demote themself (409 `staff.self`). */
export function ChangeRoleModal({ districtId, staff, onClose }: ChangeRoleModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const update = useUpdateDistrictStaff(districtId);
  const close = () => {
    problem.clear();
    onClose();
  };
  return (
    <FormModal<Values>
      open={staff !== undefined}
      title={staff ? `${t('district_staff.change_role')}：${staff.display_name}` : ''}
      form={form}
      initialValues={staff ? { role: staff.role } : undefined}
      onFinish={({ role }) => {
        if (!staff) return;
        problem.clear();
        update.mutate(
          { staff, body: { role } },
          {
            onSuccess: (saved) => {
              void message.success(
                t('district_staff.role_changed', { name: saved.display_name, role: districtRoleLabel(t, saved.role) }),
              );
              close();
            },
            onError: problem.show,
          },
        );
      }}
      onCancel={close}
      submitting={update.isPending}
      error={problem.error}
      testId="district-role-form"
    >
      <Form.Item label={t('district_staff.role')} name="role" rules={[{ required: true }]}>
        <Radio.Group
          data-testid="district-role"
          options={DISTRICT_ROLES.map((r) => ({ value: r, label: districtRoleLabel(t, r) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
