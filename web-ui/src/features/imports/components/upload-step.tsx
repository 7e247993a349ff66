import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { ProblemAlert } from '@/components/problem-alert';
import { saveBlob } from '@/lib/download';
import { useT } from '@/lib/i18n';
import { IMPORT_COLUMNS, isRosterFile, templateCsv } from '../template';

type UploadStepProps = {
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  onDryRun: () => void;
  starting: boolean;
  error: unknown;
};

/** 上传: pick one .xlsx/.csv file, then start the dry run (预检). */
export function UploadStep({ file, onFile, onDryRun, starting, error }: UploadStepProps) {
  const t = useT();
  const { message } = App.useApp();
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
          onClick={() => saveBlob(templateCsv(), 'roster-template.csv')}
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
