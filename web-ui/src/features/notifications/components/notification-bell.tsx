import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Grid, List, Popover, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { useNotifications, useReadAll, useReadNotification, useUnreadCount } from '../api/notifications';

/**
 * 通知: the bell with the unread count; its list shows the newest notifications, unread ones in
 * bold. Tapping one marks it read and opens its page; 全部已读 clears the count.
 */
export function NotificationBell({ style }: { style?: CSSProperties }) {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  // A phone gets the list as a full-width drawer; a popover would run off its edge.
  const narrow = !Grid.useBreakpoint().sm;
  const unread = useUnreadCount();
  const list = useNotifications(open);
  const read = useReadNotification();
  const readAll = useReadAll();
  const count = unread.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const content = (
    <div style={{ width: narrow ? '100%' : 340 }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={count === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
          data-testid="notification-read-all"
        >
          {t('notify.read_all')}
        </Button>
      </Flex>
      {items.length === 0 && !list.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <List
          size="small"
          loading={list.isLoading}
          dataSource={items}
          style={narrow ? undefined : { maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              data-unread={n.read_at ? undefined : 'true'}
              style={{ cursor: 'pointer', paddingInline: 4, minHeight: 44 }}
              onClick={() => {
                if (!n.read_at) read.mutate(n.id);
                setOpen(false);
                void navigate(n.link);
              }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.read_at}>
                    {n.read_at ? null : <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                    {n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTime(n.created_at)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  const bell = (
    <Badge count={count} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        aria-label={t('notify.bell', { count })}
        icon={<BellOutlined />}
        style={style}
        onClick={narrow ? () => setOpen(true) : undefined}
        data-testid="notification-bell"
      />
    </Badge>
  );
  if (narrow) {
    return (
      <>
        {bell}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" width="100%" title={null} closable>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      {bell}
    </Popover>
  );
}
