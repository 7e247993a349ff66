import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { ApiError } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { describeProblem, useT } from '@/lib/i18n';
import { useDownloadTemplate } from '../api/download-template';
import { IMPORT_COLUMNS, isRosterFile, TEMPLATE_FILE_NAME } from '../template';

type UploadStepProps = {
  schoolId: SchoolId;
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  onDryRun: () => void;
  starting: boolean;
  error: unknown;
};

/** 上传: pick one .xlsx/.csv file (or first download the .xlsx template), then start the dry run (预检). */
export function UploadStep({ schoolId, file, onFile, onDryRun, starting, error }: UploadStepProps) {
  const t = useT();
  const { message } = App.useApp();
  const template = useDownloadTemplate(schoolId, TEMPLATE_FILE_NAME);
  const downloadTemplate = () =>
    template.mutate(undefined, {
      onError: (err) =>
        void message.error(
          err instanceof ApiError ? describeProblem(t, err.problem).message : t('import.upload.template_failed'),
        ),
    });
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={error} testId="import-upload-error" />
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'roster', name: file.name, status: 'done' }] : []}
          beforeUpload={(picked) => {
            if (!isRosterFile(picked.name)) {
              void message.error(t('import.upload.wrong_type'));
            } else {
              onFile(picked);
            }
            return Upload.LIST_IGNORE;
          }}
          onRemove={() => onFile(undefined)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.upload.hint')}</p>
          <p className="ant-upload-hint">{t('import.upload.formats', { columns: IMPORT_COLUMNS.join('、') })}</p>
          <p className="ant-upload-hint">{t('import.upload.template_hint')}</p>
        </Upload.Dragger>
      </div>
      {file && (
        <Typography.Text data-testid="import-file-name">
          {t('import.upload.selected', { name: file.name })}
        </Typography.Text>
      )}
      <Flex gap="small" wrap justify="space-between">
        <Button
          icon={<FileExcelOutlined />}
          loading={template.isPending}
          onClick={downloadTemplate}
          data-testid="import-template"
        >
          {t('import.upload.template')}
        </Button>
        <Button type="primary" disabled={!file} loading={starting} onClick={onDryRun} data-testid="import-dry-run">
          {t('import.dry_run.start')}
        </Button>
      </Flex>
    </Flex>
  );
}
