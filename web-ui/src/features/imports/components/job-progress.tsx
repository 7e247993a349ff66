import { Flex, Progress, Spin, Typography } from 'antd';
import type { ImportJob } from '@/api/types';
import { useT } from '@/lib/i18n';

/** A running job: a spinner until the server knows the row count, then done/total. */
export function JobProgress({ job, label, testId }: { job: ImportJob | undefined; label: string; testId: string }) {
  const t = useT();
  const total = job?.progress.total ?? 0;
  const done = job?.progress.done ?? 0;
  return (
    <Flex vertical align="center" gap="middle" style={{ padding: 32 }} data-testid={testId} aria-live="polite">
      <Spin />
      <Typography.Text>{label}</Typography.Text>
      {total > 0 && (
        <>
          <Progress percent={Math.floor((done / total) * 100)} style={{ maxWidth: 480, width: '100%' }} />
          <Typography.Text type="secondary">{t('import.progress', { done, total })}</Typography.Text>
        </>
      )}
    </Flex>
  );
}
