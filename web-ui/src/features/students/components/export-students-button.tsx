import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { ApiError } from '@/api/problem';
import type { SchoolId } from '@/api/types';
import { describeProblem, useT } from '@/lib/i18n';
import { useExportStudents } from '../api/export-students';

/** 导出: downloads the school's students as .xlsx. */
export function ExportStudentsButton({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const { message } = App.useApp();
  const exporting = useExportStudents(schoolId, t('export.file_name'));
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting.isPending}
      data-testid="students-export"
      onClick={() =>
        exporting.mutate(undefined, {
          onSuccess: () => void message.success(t('export.done')),
          onError: (error) => {
            const shown = error instanceof ApiError ? describeProblem(t, error.problem) : { message: String(error) };
            void message.error(shown.message);
          },
        })
      }
    >
      {t('export.students')}
    </Button>
  );
}
