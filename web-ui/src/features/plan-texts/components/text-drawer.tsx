import { Descriptions, Drawer, Tag, Typography } from 'antd';
import type { PlanText } from '@/api/types';
import { TextBody } from '@/components/text-body';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { textKindLabel } from '@/lib/service-labels';

/** One text version exactly as stored, with its SHA-256 (what a family's acceptance refers to). */
export function TextDrawer({ text, onClose }: { text: PlanText | undefined; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={text !== undefined}
      onClose={onClose}
      title={text ? `${text.title}（${t('text.version_no', { no: text.version_no })}）` : ''}
      width="min(720px, 100vw)"
      destroyOnHidden
      data-testid="text-drawer"
    >
      {text ? (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('text.kind')}>{textKindLabel(t, text.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('text.status')}>
              {text.published_at ? (
                <Tag color="green">{t('text.published_at', { at: dateTime(text.published_at) })}</Tag>
              ) : (
                <Tag>{t('text.draft')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('acceptance.sha256')}>
              <Typography.Text copyable code style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="text-sha256">
                {text.sha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <TextBody body={text.body} maxHeight="none" testId="text-drawer-body" />
        </>
      ) : null}
    </Drawer>
  );
}
