import { BankOutlined } from '@ant-design/icons';
import { Flex, Select, Typography } from 'antd';
import type { SchoolId } from '@/api/types';
import { useCurrentSchool } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

/**
 * A picker when the user has grants in several schools (e.g. district admins); else the name.
 * The name stays on one line beside its icon (the header's 56 px line height used to push a
 * wrapped name under the icon on tablets) and ends in an ellipsis when it is long.
 */
export function SchoolSwitcher() {
  const t = useT();
  const { schoolId, grant, grants, setSchoolId } = useCurrentSchool();
  if (grants.length <= 1) {
    return grant ? (
      <Flex
        align="center"
        gap={4}
        data-testid="school-name"
        title={grant.school_name}
        style={{ minWidth: 0, maxWidth: 240, lineHeight: 'normal', whiteSpace: 'nowrap' }}
      >
        <BankOutlined aria-hidden style={{ flex: 'none' }} />
        <Typography.Text ellipsis style={{ minWidth: 0 }}>
          {grant.school_name}
        </Typography.Text>
      </Flex>
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
