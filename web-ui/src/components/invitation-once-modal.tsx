import { CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { useRef } from 'react';
import type { Invitation } from '@/api/types';
import { paths } from '@/config/paths';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { daysLeft, invitationLink } from '@/lib/invitation';

export type ShownInvitation = {
  /** Who is invited, as the list names them (李老师). */
  name: string;
  /** The login they will sign in with. */
  username: string;
  invitation: Invitation;
};

/**
 * A login's invitation, answered once (when a staff member is invited or invited again): the
 * code, the full link to send, until when it works, and how to use it, printable as a note to
 * hand over. It is kept only in this dialog's props: closing it (only by its button) drops it.
 */
export function InvitationOnceModal({ shown, onClose }: { shown: ShownInvitation | undefined; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const linkText = useRef<HTMLSpanElement>(null);
  const link = shown ? invitationLink(window.location.origin, shown.invitation.path) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      void message.success(t('invitation.copied'));
    } catch {
      // No clipboard (a plain-http origin, or permission refused): select it for Ctrl+C.
      const node = linkText.current;
      const selection = window.getSelection();
      if (node && selection) selection.selectAllChildren(node);
      void message.warning(t('invitation.copy_failed'));
    }
  };
  return (
    <Modal
      open={shown !== undefined}
      title={shown ? t('invitation.title', { name: shown.name }) : undefined}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      width={640}
      footer={
        <Flex justify="space-between" className="kehou-no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="invitation-print">
            {t('invitation.print')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="invitation-close">
            {t('invitation.close')}
          </Button>
        </Flex>
      }
    >
      {shown ? (
        <div data-testid="invitation-modal" className="kehou-print-area">
          <Alert
            type="warning"
            showIcon
            message={t('invitation.once_warning')}
            description={t('invitation.once_detail')}
            style={{ marginBottom: 16 }}
            data-testid="invitation-warning"
          />
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('invitation.person')}>
              <span data-testid="invitation-person">
                {shown.name}（{shown.username}）
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('invitation.code')}>
              <Typography.Text
                strong
                style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 20 }}
                data-testid="invitation-code"
              >
                {shown.invitation.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('invitation.link')}>
              <Flex gap="small" align="center">
                {/* Plain text, not an input: a printed note shows the whole link. */}
                <span
                  ref={linkText}
                  data-testid="invitation-link"
                  data-path={shown.invitation.path}
                  style={{
                    flex: 1,
                    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                    wordBreak: 'break-all',
                    userSelect: 'all',
                  }}
                >
                  {link}
                </span>
                <Button
                  icon={<CopyOutlined />}
                  onClick={() => void copy()}
                  className="kehou-no-print"
                  data-testid="invitation-copy"
                >
                  {t('invitation.copy')}
                </Button>
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('invitation.expires')}>
              <span data-testid="invitation-expires">
                {t('invitation.expires_value', {
                  at: dateTime(shown.invitation.expires_at),
                  days: daysLeft(shown.invitation.expires_at),
                })}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('invitation.steps', {
              entry: invitationLink(window.location.origin, paths.invitation),
              username: shown.username,
            })}
          </Typography.Paragraph>
        </div>
      ) : null}
    </Modal>
  );
}
