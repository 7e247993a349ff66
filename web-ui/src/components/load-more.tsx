import { Button, Flex, Typography } from 'antd';
import { useT } from '@/lib/i18n';

type LoadMoreProps = {
  loaded: number;
  /** The whole list's size, when the server counts it. */
  total?: number | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  testId: string;
};

/** The footer of a cursor-paged table: how many rows are loaded and a "加载更多" button. */
export function LoadMore({ loaded, total, hasNextPage, isFetchingNextPage, fetchNextPage, testId }: LoadMoreProps) {
  const t = useT();
  return (
    <Flex justify="center" align="center" gap="middle" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {total != null
          ? t('common.loaded_of_total', { count: loaded, total })
          : t('common.loaded_count', { count: loaded })}
      </Typography.Text>
      {hasNextPage ? (
        <Button data-testid={testId} loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
          {t('common.load_more')}
        </Button>
      ) : (
        loaded > 0 && <Typography.Text type="secondary">{t('common.no_more')}</Typography.Text>
      )}
    </Flex>
  );
}
