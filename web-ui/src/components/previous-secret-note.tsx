import { Typography } from 'antd';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { previousSecretLive } from '@/lib/secret-overlap';

/**
 * In a table's status cell, after a rotation: until when the old secret still works, on two
 * short lines so the column stays narrow. Nothing once the overlap has ended.
 */
export function PreviousSecretNote({ until, testId }: { until: string | null | undefined; testId?: string }) {
  const t = useT();
  if (!previousSecretLive(until)) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: 1.4 }} data-testid={testId}>
      {t('secret.previous_label')}
      <br />
      <span style={{ whiteSpace: 'nowrap' }}>{dateTime(until)}</span>
    </Typography.Text>
  );
}
