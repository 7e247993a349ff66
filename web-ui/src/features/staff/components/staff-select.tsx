import { Select } from 'antd';
import type { SchoolId, StaffId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { useStaffPicker } from '../api/get-staff';

type StaffSelectProps = {
  schoolId: SchoolId;
  /** Injected by a Form.Item. */
  value?: StaffId;
  onChange?: (staffId: StaffId | undefined) => void;
  id?: string;
  testId?: string;
};

/** Picks a staff member of the school by name (for roles that may list staff). */
export function StaffSelect({ schoolId, value, onChange, id, testId = 'staff-select' }: StaffSelectProps) {
  const t = useT();
  const picker = useStaffPicker(schoolId);
  return (
    <Select<StaffId>
      id={id}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('common.optional')}
      data-testid={testId}
      loading={picker.isLoading}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={(picker.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
