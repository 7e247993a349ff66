import { Typography } from 'antd';
import { useT } from '@/lib/i18n';

/**
 * A student's 全国学籍号 exactly as the API sent it: in full for roles that may see it, otherwise
 * masked to its last four characters (`***************0001`). Monospaced, so a masked number keeps
 * its length and the digits line up.
 */
export function NationalNo({ value, testId }: { value: string | null | undefined; testId: string }) {
  const t = useT();
  if (!value) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-empty="">
        {t('common.none')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text
      data-testid={testId}
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', wordBreak: 'break-all' }}
    >
      {value}
    </Typography.Text>
  );
}
