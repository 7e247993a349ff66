import { Select } from 'antd';
import type { CSSProperties } from 'react';
import type { HomeroomId, SchoolId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { useHomeroomPicker } from '../api/get-homerooms';

type HomeroomSelectProps = {
  schoolId: SchoolId;
  /** Only homerooms of this grade, when set. */
  grade: number | undefined;
  /** Set by the filter bar, or injected by a Form.Item (with `id`). */
  value?: HomeroomId;
  onChange?: (homeroomId: HomeroomId | undefined) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
};

export function HomeroomSelect({
  schoolId,
  grade,
  value,
  onChange,
  id,
  placeholder,
  disabled,
  style = { width: 180 },
  testId = 'homeroom-select',
}: HomeroomSelectProps) {
  const t = useT();
  const picker = useHomeroomPicker(schoolId, grade);
  return (
    <Select<HomeroomId>
      id={id}
      aria-label={t('student.filter_homeroom')}
      placeholder={placeholder ?? t('student.filter_homeroom')}
      allowClear
      showSearch
      optionFilterProp="label"
      style={style}
      data-testid={testId}
      disabled={disabled}
      loading={picker.isLoading}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={(picker.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}
