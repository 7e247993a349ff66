import { Select } from 'antd';
import type { HomeroomId, SchoolId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { useHomeroomPicker } from '../api/get-homerooms';

type HomeroomSelectProps = {
  schoolId: SchoolId;
  /** Only homerooms of this grade, when set. */
  grade: number | undefined;
  value: HomeroomId | undefined;
  onChange: (homeroomId: HomeroomId | undefined) => void;
};

export function HomeroomSelect({ schoolId, grade, value, onChange }: HomeroomSelectProps) {
  const t = useT();
  const picker = useHomeroomPicker(schoolId, grade);
  return (
    <Select<HomeroomId>
      aria-label={t('student.filter_homeroom')}
      placeholder={t('student.filter_homeroom')}
      allowClear
      showSearch
      optionFilterProp="label"
      style={{ width: 180 }}
      data-testid="homeroom-select"
      loading={picker.isLoading}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={(picker.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}
