import { RightOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { portalLinks } from '@/config/paths';
import { gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { useChildren } from '../api/get-children';

/** 我的孩子: each child the school linked to this guardian; tap one to read the notice and apply. */
export function ChildrenList() {
  const t = useT();
  const children = useChildren();
  if (children.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  const items = children.data?.items ?? [];
  return (
    <div data-testid="portal-children">
      <Typography.Title level={1} style={{ fontSize: 20, margin: '4px 0 12px' }}>
        {t('portal.children')}
      </Typography.Title>
      <ProblemAlert error={children.error} onRetry={() => children.refetch()} testId="portal-children-error" />
      {items.length === 0 && !children.error ? <Empty description={t('portal.no_children')} /> : null}
      <Flex vertical gap={12}>
        {items.map((child) => (
          <Link key={child.student_id} to={portalLinks.child(child.student_id)} data-testid="portal-child">
            <Card hoverable size="small">
              <Flex align="center" gap={12}>
                <Avatar size={44} icon={<UserOutlined />} style={{ background: '#1f7a5c', flex: 'none' }} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {child.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {child.relation}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis>
                    {child.school_name} · {gradeLabel(t, child.grade)} · {child.homeroom_name}
                  </Typography.Paragraph>
                </div>
                <RightOutlined style={{ color: '#999' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </div>
  );
}
