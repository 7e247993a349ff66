import { Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import {
  DEFAULT_OVERLAP,
  OVERLAP_CHOICES,
  overlapLabel,
  overlapSeconds,
  type OverlapChoice,
} from '@/lib/secret-overlap';
import { ProblemAlert } from './problem-alert';

type RotateSecretModalProps = {
  /** Whose secret: the dialog is open while this is set. */
  name: string | undefined;
  /** What happens to the old secret (it works, or it signs, for the time chosen). */
  hint: string;
  submitting: boolean;
  error: unknown;
  onRotate: (overlapSeconds: number) => void;
  onCancel: () => void;
};

/** 更换密钥: how long the old secret keeps working (立即失效 / 1 小时 / 1 天 / 7 天), then rotate. */
export function RotateSecretModal({ name, hint, submitting, error, onRotate, onCancel }: RotateSecretModalProps) {
  const t = useT();
  const [choice, setChoice] = useState<OverlapChoice>(DEFAULT_OVERLAP);
  return (
    <Modal
      open={name !== undefined}
      title={t('secret.rotate_title', { name: name ?? '' })}
      okText={t('secret.rotate')}
      onOk={() => onRotate(overlapSeconds(choice))}
      onCancel={onCancel}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'rotate-secret-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      afterOpenChange={(open) => {
        if (open) setChoice(DEFAULT_OVERLAP);
      }}
      maskClosable={false}
      destroyOnHidden
    >
      <div data-testid="rotate-secret">
        <ProblemAlert error={error} testId="rotate-secret-error" />
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <Typography.Text strong id="rotate-secret-overlap">
          {t('secret.overlap')}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group
            aria-labelledby="rotate-secret-overlap"
            optionType="button"
            value={choice}
            onChange={(e) => setChoice(e.target.value as OverlapChoice)}
            disabled={submitting}
            options={OVERLAP_CHOICES.map((c) => ({ value: c, label: t(overlapLabel(c)) }))}
          />
        </div>
      </div>
    </Modal>
  );
}
