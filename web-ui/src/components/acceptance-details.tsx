import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Acceptance } from '@/api/types';
import { dateTimeSeconds } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { actorKindLabel, channelLabel } from '@/lib/service-labels';

type AcceptanceDetailsProps = {
  acceptance: Acceptance;
  /** Who accepted, when the page can name them (else the kind and id). */
  acceptedBy?: ReactNode;
  /** Rows before the agreement's, e.g. the application number on a family's receipt. */
  before?: ReactNode;
  testId?: string;
};

/**
 * What a family agreed to, provably: the agreement's title and version, the SHA-256 of the exact
 * text, who accepted it, through which channel and when (GLOSSARY: agreement).
 */
export function AcceptanceDetails({ acceptance, acceptedBy, before, testId = 'acceptance' }: AcceptanceDetailsProps) {
  const t = useT();
  return (
    <Descriptions column={1} size="small" bordered data-testid={testId} styles={{ label: { width: 112 } }}>
      {before}
      <Descriptions.Item label={t('acceptance.agreement')}>
        <span data-testid={`${testId}-title`}>{acceptance.title}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('acceptance.version')}>
        <span data-testid={`${testId}-version`}>{t('text.version_no', { no: acceptance.version_no })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('acceptance.sha256')}>
        <Typography.Text
          copyable
          code
          data-testid={`${testId}-sha256`}
          style={{ wordBreak: 'break-all', fontSize: 12 }}
        >
          {acceptance.sha256}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('acceptance.accepted_by')}>
        {acceptedBy ??
          (acceptance.accepted_by_name
            ? `${acceptance.accepted_by_name}${acceptance.accepted_by_relation ? `（${acceptance.accepted_by_relation}）` : ''}`
            : actorKindLabel(t, acceptance.accepted_by_kind))}
      </Descriptions.Item>
      <Descriptions.Item label={t('acceptance.channel')}>{channelLabel(t, acceptance.channel)}</Descriptions.Item>
      <Descriptions.Item label={t('acceptance.accepted_at')}>
        <span data-testid={`${testId}-at`}>{dateTimeSeconds(acceptance.accepted_at)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
