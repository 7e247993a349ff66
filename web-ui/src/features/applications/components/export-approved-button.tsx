import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { ApiError } from '@/api/problem';
import type { SchoolId, TermId } from '@/api/types';
import { describeProblem, useT } from '@/lib/i18n';
import { useExportApproved } from '../api/export-approved';

/** 导出已批准名单: the term's approved applications as .xlsx, one sheet per homeroom. */
export function ExportApprovedButton({ schoolId, termId }: { schoolId: SchoolId; termId: TermId }) {
  const t = useT();
  const { message } = App.useApp();
  const exporting = useExportApproved(schoolId, termId, t('stats.export_file_name'));
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting.isPending}
      data-testid="approved-export"
      onClick={() =>
        exporting.mutate(undefined, {
          onSuccess: () => void message.success(t('export.done')),
          onError: (error) =>
            void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
        })
      }
    >
      {t('stats.export')}
    </Button>
  );
}
