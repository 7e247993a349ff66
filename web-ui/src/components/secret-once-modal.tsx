import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Input, Modal, Typography, type GetRef } from 'antd';
import { useRef, type ReactNode } from 'react';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { previousSecretLive } from '@/lib/secret-overlap';

export type ShownSecret = {
  title: string;
  /** What the secret is called here: 客户端密钥, 签名密钥. */
  label: string;
  secret: string;
  /** Lines shown above the secret (e.g. the client ID, which stays visible in the table). */
  details?: readonly { label: string; value: ReactNode }[];
  /** What the secret is for. */
  hint?: string;
  /** After a rotation: until when the old secret still works. */
  previousUntil?: string | null;
};

/**
 * A secret the API answers once (a new or rotated API client or webhook secret). It is kept
 * only in this dialog's props: closing it (only by the acknowledging button) drops it for good.
 */
export function SecretOnceModal({ shown, onClose }: { shown: ShownSecret | undefined; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<GetRef<typeof Input.TextArea>>(null);
  const copy = async (secret: string) => {
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t('secret.copied'));
    } catch {
      // No clipboard (a plain-http origin, or permission refused): select it for Ctrl+C.
      input.current?.resizableTextArea?.textArea.select();
      void message.warning(t('secret.copy_failed'));
    }
  };
  return (
    <Modal
      open={shown !== undefined}
      title={shown?.title}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      width={600}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-close">
          {t('secret.saved_close')}
        </Button>
      }
    >
      {shown ? (
        <div data-testid="secret-modal">
          <Alert
            type="warning"
            showIcon
            message={t('secret.once_warning')}
            description={t('secret.once_detail')}
            style={{ marginBottom: 16 }}
            data-testid="secret-warning"
          />
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
            {(shown.details ?? []).map((d) => (
              <Descriptions.Item key={d.label} label={d.label}>
                {d.value}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={shown.label}>
              <Flex gap="small" align="start">
                <Input.TextArea
                  ref={input}
                  readOnly
                  // Two fixed rows: autoSize measures with a hidden copy of the value that stays in the page.
                  rows={2}
                  value={shown.secret}
                  aria-label={shown.label}
                  data-testid="secret-value"
                  style={{
                    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                    wordBreak: 'break-all',
                  }}
                  onFocus={(e) => e.target.select()}
                />
                <Button icon={<CopyOutlined />} onClick={() => void copy(shown.secret)} data-testid="secret-copy">
                  {t('secret.copy')}
                </Button>
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          {shown.hint ? <Typography.Paragraph type="secondary">{shown.hint}</Typography.Paragraph> : null}
          {previousSecretLive(shown.previousUntil) ? (
            <Typography.Paragraph type="secondary" data-testid="secret-previous-until">
              {t('secret.previous_until', { at: dateTime(shown.previousUntil) })}
            </Typography.Paragraph>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
