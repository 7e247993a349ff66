import { CheckCircleFilled, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useRecordNoticeReceipt } from '@/api/notice-receipts';
import type { PlanText, SchoolId, StudentId } from '@/api/types';
import { TextBody } from '@/components/text-body';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { hasReadNotice, rememberNoticeRead } from '../notice-read';

type NoticeCardProps = {
  schoolId: SchoolId;
  studentId: StudentId;
  notice: PlanText | undefined;
};

/**
 * 告知书: the school's letter to families. Opening it records that this family received it
 * (知晓确认) for this child; the school counts these towards 知晓率.
 */
export function NoticeCard({ schoolId, studentId, notice }: NoticeCardProps) {
  const t = useT();
  const record = useRecordNoticeReceipt(schoolId);
  const [open, setOpen] = useState(false);
  const [read, setRead] = useState(() => (notice ? hasReadNotice(notice.id, studentId) : false));
  const isRead = read || (notice ? hasReadNotice(notice.id, studentId) : false);

  const openNotice = () => {
    if (!notice) return;
    setOpen(true);
    record.mutate(
      { text_id: notice.id, student_id: studentId },
      {
        onSuccess: () => {
          rememberNoticeRead(notice.id, studentId);
          setRead(true);
        },
      },
    );
  };

  return (
    <Card size="small" data-testid="portal-notice">
      <Flex align="center" gap={12}>
        <FileTextOutlined style={{ fontSize: 24, color: '#1f7a5c' }} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('text_kind.notice')}
          </Typography.Text>
          <Typography.Paragraph strong style={{ margin: 0 }} ellipsis>
            {notice ? notice.title : t('portal.no_notice')}
          </Typography.Paragraph>
        </div>
        {notice ? (
          isRead ? (
            <Flex vertical align="end" gap={4}>
              <Tag icon={<CheckCircleFilled />} color="success" data-testid="portal-notice-read" style={{ margin: 0 }}>
                {t('portal.notice_read')}
              </Tag>
              <Button size="small" type="link" onClick={openNotice} style={{ padding: 0 }}>
                {t('portal.notice_reopen')}
              </Button>
            </Flex>
          ) : (
            <Button type="primary" onClick={openNotice} data-testid="portal-notice-open">
              {t('portal.notice_open')}
            </Button>
          )
        ) : null}
      </Flex>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        height="92%"
        title={notice?.title}
        destroyOnHidden
        data-testid="portal-notice-drawer"
        footer={
          <Button type="primary" block size="large" onClick={() => setOpen(false)} data-testid="portal-notice-done">
            {t('portal.notice_done')}
          </Button>
        }
      >
        {notice ? (
          <>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('portal.published_at', { at: dateTime(notice.published_at) })}
            </Typography.Paragraph>
            <TextBody body={notice.body} maxHeight="none" testId="portal-notice-body" />
          </>
        ) : null}
      </Drawer>
    </Card>
  );
}
