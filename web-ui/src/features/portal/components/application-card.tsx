import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { useNavigate } from 'react-router';
import type { Application, Child } from '@/api/types';
import { ApplicationStatusTag } from '@/components/application-status-tag';
import { AppliedOfferings } from '@/components/applied-offerings';
import { portalLinks } from '@/config/paths';
import { isEditable } from '@/lib/apply-values';
import { useT } from '@/lib/i18n';
import { latestComment } from '../review-comment';

/** 报名情况 on the child's page: status, offerings, the reviewer's comment, and the way to the receipt (or to change it). */
export function ApplicationCard({ child, application }: { child: Child; application: Application }) {
  const t = useT();
  const navigate = useNavigate();
  const comment = latestComment(application);
  return (
    <Card
      size="small"
      data-testid="portal-application"
      title={t('portal.my_application')}
      extra={<ApplicationStatusTag status={application.status} testId="portal-application-status" />}
    >
      <AppliedOfferings offerings={application.offerings} />
      {comment ? (
        <Alert
          style={{ marginTop: 12 }}
          type={
            application.status === 'approved'
              ? 'success'
              : application.status === 'returned_for_changes' || application.status === 'rejected'
                ? 'warning'
                : 'info'
          }
          showIcon
          data-testid="portal-review-comment"
          message={t('portal.reviewer_comment')}
          description={comment}
        />
      ) : null}
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        {isEditable(application) ? (
          <Button
            type="primary"
            block
            icon={<EditOutlined />}
            data-testid="portal-application-edit"
            onClick={() => void navigate(portalLinks.edit(child.student_id, application.id))}
          >
            {t('portal.edit')}
          </Button>
        ) : null}
        <Button
          block
          data-testid="portal-application-open"
          onClick={() => void navigate(portalLinks.application(child.student_id, application.id))}
        >
          {t('portal.view_receipt')}
        </Button>
      </Flex>
    </Card>
  );
}
