import { BankOutlined } from '@ant-design/icons';
import { Select, Space, Typography } from 'antd';
import type { SchoolId } from '@/api/types';
import { useCurrentSchool } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

/** A picker when the user has grants in several schools (e.g. district admins); else the name. */
export function SchoolSwitcher() {
  const t = useT();
  const { schoolId, grant, grants, setSchoolId } = useCurrentSchool();
  if (grants.length <= 1) {
    return grant ? (
      <Space size={4} data-testid="school-name">
        <BankOutlined aria-hidden />
        <Typography.Text ellipsis style={{ maxWidth: 220 }}>
          {grant.school_name}
        </Typography.Text>
      </Space>
    ) : null;
  }
  return (
    <Select<SchoolId>
      aria-label={t('layout.switch_school')}
      data-testid="school-switcher"
      value={schoolId ?? undefined}
      onChange={setSchoolId}
      showSearch
      optionFilterProp="label"
      suffixIcon={<BankOutlined />}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, maxWidth: 260 }}
      options={grants.map((g) => ({ value: g.school_id, label: g.school_name }))}
    />
  );
}
