import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { ColumnMapping, ImportJob, Normalisation } from '@/api/types';
import { useT } from '@/lib/i18n';
import { normalisationKindLabel } from '../normalisation-kind';

type NormalisationRow = Normalisation & { key: string };

/**
 * 识别结果 of a dry run: where the header was found, which file column fills which Kehou field,
 * the columns left out (never stored, e.g. 身份证号) and the values tidied on the way (from → to).
 * The office checks it before committing.
 */
export function ImportMapping({ job }: { job: ImportJob }) {
  const t = useT();
  const { mapping, ignored_columns: ignored, normalised_count: count } = job;
  const normalised: NormalisationRow[] = job.normalised.map((n, i) => ({
    ...n,
    key: `${n.row}-${n.column}-${i}`,
  }));
  if (mapping.length === 0 && ignored.length === 0 && count === 0) return null;
  const code = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' };
  return (
    <Flex vertical gap="middle" data-testid="import-mapping-section">
      <Flex align="baseline" gap="small" wrap>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('import.mapping.title')}
        </Typography.Title>
        {job.header_row != null ? (
          <Typography.Text type="secondary" data-testid="import-header-row" data-row={job.header_row}>
            {job.header_row > 1
              ? t('import.mapping.header_row_skipped', { row: job.header_row, skipped: job.header_row - 1 })
              : t('import.mapping.header_row', { row: job.header_row })}
          </Typography.Text>
        ) : null}
      </Flex>
      {mapping.length > 0 ? (
        <Table<ColumnMapping>
          data-testid="import-mapping"
          rowKey="column"
          size="small"
          pagination={false}
          dataSource={mapping}
          onRow={(m) =>
            ({
              'data-testid': 'import-mapping-row',
              'data-column': m.column,
              'data-key': m.key,
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('import.mapping.file_column'),
              dataIndex: 'column',
              render: (column: string) => <Typography.Text strong>{column}</Typography.Text>,
            },
            {
              key: 'arrow',
              width: 40,
              render: () => <ArrowRightOutlined aria-hidden style={{ color: '#8c8c8c' }} />,
            },
            {
              title: t('import.mapping.field'),
              dataIndex: 'field',
              render: (field: string, m) => (
                <Flex gap="small" align="center">
                  <span>{field}</span>
                  {m.column !== field ? <Tag color="blue">{t('import.mapping.recognised')}</Tag> : null}
                </Flex>
              ),
            },
          ]}
        />
      ) : null}
      {ignored.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="import-ignored"
          message={t('import.mapping.ignored', { count: ignored.length })}
          description={
            <Flex vertical gap={4}>
              <Flex gap={4} wrap>
                {ignored.map((c) => (
                  <Tag key={c} data-testid="import-ignored-column">
                    {c}
                  </Tag>
                ))}
              </Flex>
              <Typography.Text type="secondary">{t('import.mapping.ignored_note')}</Typography.Text>
            </Flex>
          }
        />
      ) : null}
      {count > 0 ? (
        <Flex vertical gap="small" data-testid="import-normalised" data-count={count}>
          <Typography.Text strong>
            {t('import.normalised.title', { count })}
            {count > normalised.length ? (
              <Typography.Text type="secondary">
                {t('import.normalised.first', { shown: normalised.length })}
              </Typography.Text>
            ) : null}
          </Typography.Text>
          <Table<NormalisationRow>
            rowKey="key"
            size="small"
            dataSource={normalised}
            pagination={normalised.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            onRow={(n) =>
              ({ 'data-testid': 'import-normalised-row', 'data-kind': n.kind }) as HTMLAttributes<HTMLElement>
            }
            columns={[
              { title: t('import.error.row'), dataIndex: 'row', width: 64 },
              { title: t('import.error.column'), dataIndex: 'column', width: 120 },
              {
                title: t('import.normalised.change'),
                key: 'change',
                render: (_, n) => (
                  <Flex gap="small" align="center" wrap>
                    <Typography.Text type="secondary" style={code}>
                      {n.from}
                    </Typography.Text>
                    <ArrowRightOutlined aria-hidden style={{ color: '#8c8c8c' }} />
                    <Typography.Text style={code}>{n.to}</Typography.Text>
                  </Flex>
                ),
              },
              {
                title: t('import.normalised.kind'),
                dataIndex: 'kind',
                render: (kind: string) => <Tag>{normalisationKindLabel(t, kind)}</Tag>,
              },
            ]}
          />
        </Flex>
      ) : null}
    </Flex>
  );
}
