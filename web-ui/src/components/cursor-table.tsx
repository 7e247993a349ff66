import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { flattenPages, type CursorPage } from '@/lib/cursor';
import { LoadMore } from './load-more';
import { ProblemAlert } from './problem-alert';

type CursorTableProps<T> = {
  query: UseInfiniteQueryResult<InfiniteData<CursorPage<T>>>;
  columns: TableProps<T>['columns'];
  rowKey: keyof T & string;
  testId: string;
  onRowClick?: (row: T) => void;
  /** Rows that open to show more (e.g. an audit event's before and after). */
  expandable?: TableProps<T>['expandable'];
  /** Checkboxes for acting on several rows at once (e.g. a bulk review). */
  rowSelection?: TableProps<T>['rowSelection'];
};

/** A table over a cursor-paged list: rows of every loaded page, then "加载更多". */
export function CursorTable<T extends object>({
  query,
  columns,
  rowKey,
  testId,
  onRowClick,
  expandable,
  rowSelection,
}: CursorTableProps<T>) {
  const rows = flattenPages(query.data);
  return (
    <div data-testid={testId}>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId={`${testId}-error`} />
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={rows}
        loading={query.isLoading || (query.isFetching && !query.isFetchingNextPage)}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        expandable={expandable}
        rowSelection={rowSelection}
        onRow={(row) =>
          ({
            'data-testid': `${testId}-row`,
            onClick: onRowClick
              ? (event: MouseEvent) => {
                  // Ticking a row's checkbox selects it; it does not open it.
                  if ((event.target as Element).closest('.ant-table-selection-column')) return;
                  onRowClick(row);
                }
              : undefined,
            style: onRowClick ? { cursor: 'pointer' } : undefined,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <LoadMore
        testId={`${testId}-load-more`}
        loaded={rows.length}
        total={query.data?.pages[0]?.total}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={() => query.fetchNextPage()}
      />
    </div>
  );
}
