import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** One titled step of the apply form (labelled by its title for screen readers). */
export function ApplySection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} style={{ marginTop: 20 }}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 8px' }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
