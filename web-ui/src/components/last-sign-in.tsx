import { Flex, Typography } from 'antd';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { relativeTime } from '@/lib/relative-time';

/** 最近登录: how long ago (3 小时前) over the exact time (2026-09-01 08:00); 从未登录 without one. */
export function LastSignIn({ at }: { at: string | null | undefined }) {
  const t = useT();
  if (!at) {
    return (
      <Typography.Text type="secondary" data-testid="last-sign-in" data-never="true">
        {t('login.never')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={0} data-testid="last-sign-in" title={dateTime(at)} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text>{relativeTime(t, at)}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {dateTime(at)}
      </Typography.Text>
    </Flex>
  );
}
