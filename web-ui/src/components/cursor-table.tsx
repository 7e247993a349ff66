import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
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
};

/** A table over a cursor-paged list: rows of every loaded page, then "加载更多". */
export function CursorTable<T extends object>({
  query,
  columns,
  rowKey,
  testId,
  onRowClick,
  expandable,
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
        onRow={(row) =>
          ({
            'data-testid': `${testId}-row`,
            onClick: onRowClick ? () => onRowClick(row) : undefined,
            style: onRowClick ? { cursor: 'pointer' } : undefined,
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <LoadMore
        testId={`${testId}-load-more`}
        loaded={rows.length}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={() => query.fetchNextPage()}
      />
    </div>
  );
}
