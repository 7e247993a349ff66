import { Tag } from 'antd';
import { useT } from '@/lib/i18n';
import { applicationStatusColor, applicationStatusLabel } from '@/lib/service-labels';

/** 待班级审核 / 待学校复核 / 已批准 …, coloured by who has to act. */
export function ApplicationStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={applicationStatusColor(status)}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {applicationStatusLabel(t, status)}
    </Tag>
  );
}
