import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ColumnMapping, ImportRowError } from '@/api/types';
import { useT } from '@/lib/i18n';
import { rowErrorReason } from '../row-error-reason';

type Row = ImportRowError & { key: string };

/**
 * Row-level problems of a roster file: which row, which column (as the file names it), what value,
 * and why (in the UI's language, by the field the column fills in `mapping`; the server's own
 * words are the cell's tooltip).
 */
export function ImportErrorsTable({
  errors,
  mapping,
}: {
  errors: readonly ImportRowError[];
  mapping: readonly ColumnMapping[];
}) {
  const t = useT();
  const rows: Row[] = [...errors]
    .sort((a, b) => a.row - b.row)
    .map((e, i) => ({ ...e, key: `${e.row}-${e.column}-${i}` }));
  return (
    <div data-testid="import-errors-table">
      <Table<Row>
        dataSource={rows}
        size="small"
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': 'import-error-row', 'data-row': row.row }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('import.error.row'),
            dataIndex: 'row',
            width: 80,
            render: (row: number) => <span data-testid="import-error-cell-row">{row}</span>,
          },
          {
            title: t('import.error.column'),
            dataIndex: 'column',
            width: 120,
            render: (column: string) => <span data-testid="import-error-cell-column">{column}</span>,
          },
          {
            title: t('import.error.value'),
            dataIndex: 'value',
            width: 160,
            render: (value: string | null) => <Typography.Text code>{value ?? ''}</Typography.Text>,
          },
          {
            title: t('import.error.reason'),
            dataIndex: 'message',
            render: (message: string, row) => (
              <span title={message} data-code={row.code} data-testid="import-error-cell-reason">
                {rowErrorReason(t, row, mapping)}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
