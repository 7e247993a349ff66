import { Typography } from 'antd';

/**
 * The exact text of a notice or an agreement, line breaks kept, in a box that scrolls on its own
 * (a family reads the whole agreement before ticking 我已阅读并同意).
 */
export function TextBody({
  body,
  maxHeight = 360,
  testId,
}: {
  body: string;
  maxHeight?: number | 'none';
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      tabIndex={0}
      style={{
        maxHeight,
        overflow: 'auto',
        padding: 12,
        background: '#fafafa',
        border: '1px solid #f0f0f0',
        borderRadius: 6,
      }}
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, lineHeight: 1.8 }}>{body}</Typography.Paragraph>
    </div>
  );
}
