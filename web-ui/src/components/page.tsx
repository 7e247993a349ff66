import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type PageProps = {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
};

/** The frame of every page: a heading (h1 for screen readers and tests), actions, and content. */
export function Page({ title, extra, children, testId }: PageProps) {
  return (
    <section data-testid={testId} aria-label={title}>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap="small">{extra}</Flex> : null}
      </Flex>
      <Card styles={{ body: { padding: 16 } }}>{children}</Card>
    </section>
  );
}
