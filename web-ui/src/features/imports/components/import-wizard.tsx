import { Button, Flex, Result, Steps } from 'antd';
import { useState } from 'react';
import type { ImportJobId, SchoolId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { useT } from '@/lib/i18n';
import { useCommitImport } from '../api/commit-import';
import { useCreateImport } from '../api/create-import';
import { isImportActive, useImportJob } from '../api/get-import';
import { DryRunStep } from './dry-run-step';
import { ImportErrorsTable } from './import-errors-table';
import { ImportSummary } from './import-summary';
import { JobProgress } from './job-progress';
import { UploadStep } from './upload-step';

type ImportWizardProps = {
  schoolId: SchoolId;
  onViewStudents: () => void;
};

/**
 * 导入: 上传 → 预检 (a dry run listing every row error) → 提交 (commit the validated file, with
 * progress) → 完成 (what was created). Nothing is written until the user commits a clean dry run.
 */
export function ImportWizard({ schoolId, onViewStudents }: ImportWizardProps) {
  const t = useT();
  const [file, setFile] = useState<File>();
  const [dryRunId, setDryRunId] = useState<ImportJobId>();
  const [commitId, setCommitId] = useState<ImportJobId>();

  const create = useCreateImport(schoolId);
  const commit = useCommitImport(schoolId);
  const dryRun = useImportJob(schoolId, dryRunId);
  const committed = useImportJob(schoolId, commitId);

  const restart = () => {
    setFile(undefined);
    setDryRunId(undefined);
    setCommitId(undefined);
    create.reset();
    commit.reset();
  };

  const startDryRun = () => {
    if (!file) return;
    create.mutate({ file, dryRun: true }, { onSuccess: (job) => setDryRunId(job.id) });
  };

  const startCommit = () => {
    if (dryRunId === undefined) return;
    commit.mutate(dryRunId, { onSuccess: (job) => setCommitId(job.id) });
  };

  const commitJob = committed.data;
  const current = commitId !== undefined ? (commitJob?.status === 'committed' ? 3 : 2) : dryRunId !== undefined ? 1 : 0;

  return (
    <Flex vertical gap="large" data-testid="import-wizard">
      <Steps
        current={current}
        data-testid="import-steps"
        responsive={false}
        size="small"
        items={[
          { title: t('import.step.upload') },
          { title: t('import.step.dry_run') },
          { title: t('import.step.commit') },
          { title: t('import.step.done') },
        ]}
      />
      {current === 0 && (
        <UploadStep
          schoolId={schoolId}
          file={file}
          onFile={(f) => {
            setFile(f);
            create.reset();
          }}
          onDryRun={startDryRun}
          starting={create.isPending}
          error={create.error}
        />
      )}
      {current === 1 && (
        <DryRunStep
          job={dryRun.data}
          loadError={dryRun.error}
          onReupload={restart}
          onCommit={startCommit}
          committing={commit.isPending}
          commitError={commit.error}
        />
      )}
      {current === 2 && (
        <>
          <ProblemAlert error={committed.error} testId="import-job-error" />
          {commitJob && !isImportActive(commitJob.status) ? (
            <Flex vertical gap="middle" data-testid="import-commit-failed">
              <Result status="error" title={t('import.commit.failed')} />
              {commitJob.errors.length > 0 && (
                <ImportErrorsTable errors={commitJob.errors} mapping={commitJob.mapping} />
              )}
              <Flex justify="center">
                <Button onClick={restart} data-testid="import-reupload">
                  {t('import.reupload')}
                </Button>
              </Flex>
            </Flex>
          ) : (
            <JobProgress job={commitJob} label={t('import.commit.running')} testId="import-commit-progress" />
          )}
        </>
      )}
      {current === 3 && commitJob && (
        <div data-testid="import-done">
          <Result
            status="success"
            title={t('import.done.title')}
            subTitle={commitJob.file_name}
            extra={[
              <Button type="primary" key="students" onClick={onViewStudents} data-testid="import-view-students">
                {t('import.done.go_students')}
              </Button>,
              <Button key="again" onClick={restart} data-testid="import-again">
                {t('import.done.again')}
              </Button>,
            ]}
          >
            {commitJob.summary && <ImportSummary summary={commitJob.summary} testId="import-summary" />}
          </Result>
        </div>
      )}
    </Flex>
  );
}
