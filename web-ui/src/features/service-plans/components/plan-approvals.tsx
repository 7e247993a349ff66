import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Segmented, Spin } from 'antd';
import { useState } from 'react';
import { useServicePlans } from '@/api/service-plans';
import type { SchoolId, ServicePlan, TermId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { effectivePlanIds } from '../effective-plan';
import type { PlanDecision } from '../api/review-service-plan';
import { OfferingsTable } from './offerings-table';
import { PlanReviewModal } from './plan-review-modal';
import { PlanStatusTag } from './plan-status-tag';

type PlanApprovalsProps = {
  schoolId: SchoolId;
  /** The term's name (the terms feature knows it); the id otherwise. */
  termName: (termId: TermId) => string;
};

type Show = 'submitted' | 'all';

/**
 * 方案审批 (district admins): the plans the selected school submitted, each with its offerings and
 * window, to approve — then families may apply — or send back with a comment.
 */
export function PlanApprovals({ schoolId, termName }: PlanApprovalsProps) {
  const t = useT();
  const query = useServicePlans(schoolId, undefined);
  const [show, setShow] = useState<Show>('submitted');
  const [reviewing, setReviewing] = useState<{ plan: ServicePlan; decision: PlanDecision }>();
  const effective = effectivePlanIds(query.data?.items ?? []);
  const plans = [...(query.data?.items ?? [])]
    .filter((p) => show === 'all' || p.status === 'submitted')
    .sort((a, b) => b.id - a.id);

  return (
    <div data-testid="plan-approvals">
      <Segmented<Show>
        value={show}
        onChange={setShow}
        style={{ marginBottom: 16 }}
        options={[
          { value: 'submitted', label: t('plan.show_submitted') },
          { value: 'all', label: t('plan.show_all') },
        ]}
      />
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="plan-approvals-error" />
      {query.isLoading ? <Spin /> : null}
      {!query.isLoading && plans.length === 0 ? (
        <Empty description={show === 'submitted' ? t('plan.nothing_to_review') : t('plan.empty')} />
      ) : null}
      <Flex vertical gap="middle">
        {plans.map((plan) => (
          <Card
            key={plan.id}
            size="small"
            data-testid="plan-approval"
            title={
              <Flex gap="small" align="center" wrap>
                <span>
                  {termName(plan.term_id)} · {t('plan.version_no', { no: plan.version_no })}
                </span>
                <PlanStatusTag status={plan.status} effective={effective.has(plan.id)} />
              </Flex>
            }
            extra={
              plan.status === 'submitted' ? (
                <Flex gap="small">
                  <Button
                    icon={<RollbackOutlined />}
                    onClick={() => setReviewing({ plan, decision: 'reject' })}
                    data-testid="plan-reject"
                  >
                    {t('plan.reject')}
                  </Button>
                  <Button
                    type="primary"
                    icon={<CheckOutlined />}
                    onClick={() => setReviewing({ plan, decision: 'approve' })}
                    data-testid="plan-approve"
                  >
                    {t('plan.approve')}
                  </Button>
                </Flex>
              ) : null
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('plan.window')}>
                {dateTime(plan.window_opens_at)} – {dateTime(plan.window_closes_at)}
              </Descriptions.Item>
              {plan.review_comment ? (
                <Descriptions.Item label={t('plan.review_comment')}>{plan.review_comment}</Descriptions.Item>
              ) : null}
            </Descriptions>
            <OfferingsTable offerings={plan.offerings} />
          </Card>
        ))}
      </Flex>
      <PlanReviewModal
        schoolId={schoolId}
        plan={reviewing?.plan}
        decision={reviewing?.decision ?? 'approve'}
        onClose={() => setReviewing(undefined)}
      />
    </div>
  );
}
