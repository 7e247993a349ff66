import { Alert, Button, Flex, Typography } from 'antd';
import type { ImportJob } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { useT } from '@/lib/i18n';
import { isImportActive } from '../api/get-import';
import { ImportErrorsTable } from './import-errors-table';
import { ImportMapping } from './import-mapping';
import { ImportSummary } from './import-summary';
import { JobProgress } from './job-progress';

type DryRunStepProps = {
  job: ImportJob | undefined;
  loadError: unknown;
  onReupload: () => void;
  onCommit: () => void;
  committing: boolean;
  commitError: unknown;
};

/**
 * 预检: the dry run's verdict — every row error, or a clean file that may be committed — with what
 * was recognised (header row, column mapping, columns left out, values tidied) above the commit.
 */
export function DryRunStep({ job, loadError, onReupload, onCommit, committing, commitError }: DryRunStepProps) {
  const t = useT();
  if (loadError) return <ProblemAlert error={loadError} testId="import-job-error" />;
  if (!job || isImportActive(job.status)) {
    return <JobProgress job={job} label={t('import.dry_run.running')} testId="import-dry-run-progress" />;
  }
  const clean = job.status === 'validated' && job.errors.length === 0;
  const reupload = (
    <Button onClick={onReupload} data-testid="import-reupload">
      {t('import.reupload')}
    </Button>
  );

  if (!clean) {
    return (
      <Flex vertical gap="middle">
        <Alert
          type="error"
          showIcon
          data-testid="import-dry-run-errors"
          data-error-count={job.errors.length}
          message={
            job.errors.length ? t('import.dry_run.errors', { count: job.errors.length }) : t('import.dry_run.failed')
          }
        />
        {job.errors.length > 0 && <ImportErrorsTable errors={job.errors} mapping={job.mapping} />}
        <ImportMapping job={job} />
        <Flex justify="flex-end">{reupload}</Flex>
      </Flex>
    );
  }

  return (
    <Flex vertical gap="middle">
      <Alert type="success" showIcon data-testid="import-dry-run-clean" message={t('import.dry_run.clean')} />
      <ImportMapping job={job} />
      {job.summary && (
        <>
          <Typography.Text strong>{t('import.summary.preview')}</Typography.Text>
          <ImportSummary summary={job.summary} testId="import-preview" />
        </>
      )}
      <ProblemAlert error={commitError} testId="import-commit-error" />
      <Flex justify="space-between" gap="small">
        {reupload}
        <Button type="primary" loading={committing} onClick={onCommit} data-testid="import-commit">
          {t('import.commit.start')}
        </Button>
      </Flex>
    </Flex>
  );
}
