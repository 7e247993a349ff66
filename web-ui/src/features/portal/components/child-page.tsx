import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useStudentApplications } from '@/api/applications';
import { useStudentServiceRequests } from '@/api/service-requests';
import { usePublishedTexts } from '@/api/texts';
import type { Child, ServicePlan, StudentId, TermId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { paths, portalLinks } from '@/config/paths';
import { dateTime } from '@/lib/date-time';
import { gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { timeFor } from '@/lib/offering-time';
import { requestKindLabel, requestStatusColor, requestStatusLabel, weekdaysText } from '@/lib/service-labels';
import { useOpenPlan } from '../api/get-open-plan';
import { useChild } from '../use-child';
import { ApplicationCard } from './application-card';
import { NoticeCard } from './notice-card';

/** Statuses after which a family may apply again for the term. */
const CLOSED = ['rejected', 'withdrawn'];

export function ChildHeader({ child, back }: { child: Child; back: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
      <Button
        type="text"
        icon={<LeftOutlined />}
        aria-label={t('portal.back')}
        data-testid="portal-back"
        onClick={() => void navigate(back)}
      />
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }} data-testid="portal-child-name">
          {child.name}
        </Typography.Title>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
          {child.school_name} · {gradeLabel(t, child.grade)} · {child.homeroom_name}
        </Typography.Text>
      </div>
    </Flex>
  );
}

function windowState(plan: ServicePlan, now: number): 'before' | 'open' | 'closed' {
  if (now < Date.parse(plan.window_opens_at)) return 'before';
  if (now > Date.parse(plan.window_closes_at)) return 'closed';
  return 'open';
}

/** 延时/临时申请: the child's requests of the term and the way to make one. */
function RequestsCard({ child, termId }: { child: Child; termId: TermId }) {
  const t = useT();
  const navigate = useNavigate();
  const requested = (useLocation().state as { requested?: boolean } | null)?.requested === true;
  const query = useStudentServiceRequests(child.school_id, termId, child.student_id);
  return (
    <Card size="small" title={t('portal.requests')} data-testid="portal-requests">
      {requested ? (
        <Alert
          type="success"
          showIcon
          message={t('portal.request_submitted')}
          style={{ marginBottom: 8 }}
          data-testid="portal-request-sent"
        />
      ) : null}
      <ProblemAlert error={query.error} />
      {query.requests.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('portal.requests_empty')}
        </Typography.Paragraph>
      ) : (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          {query.requests.map((r) => (
            <div key={r.id} data-testid="portal-request">
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>
                  {requestKindLabel(t, r.kind)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 'normal' }}>
                    {[r.service_date, r.until_time ? t('request.until', { time: r.until_time }) : null]
                      .filter(Boolean)
                      .join(' ')}
                  </Typography.Text>
                </Typography.Text>
                <Tag
                  color={requestStatusColor(r.status)}
                  style={{ marginInlineEnd: 0 }}
                  data-testid="portal-request-status"
                >
                  {requestStatusLabel(t, r.status)}
                </Tag>
              </Flex>
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2 }}
                style={{ fontSize: 12, margin: 0 }}
                data-testid="portal-request-reason"
              >
                {r.reason}
              </Typography.Paragraph>
              {r.review_comment ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('request.review_comment')}：{r.review_comment}
                </Typography.Text>
              ) : null}
            </div>
          ))}
        </Flex>
      )}
      <Button
        block
        onClick={() => void navigate(portalLinks.request(child.student_id))}
        data-testid="portal-request-new"
      >
        {t('portal.request_new')}
      </Button>
    </Card>
  );
}

function ChildOverview({ child }: { child: Child }) {
  const t = useT();
  const navigate = useNavigate();
  const plans = useOpenPlan(child.school_id);
  const plan = plans.plan;
  const texts = usePublishedTexts(child.school_id, plan?.term_id);
  const apps = useStudentApplications(child.school_id, plan?.term_id, child.student_id);
  const current = apps.applications[0];
  const canApplyAgain = !current || CLOSED.includes(current.status);
  const offerings = plan?.offerings.filter((o) => o.grades.includes(child.grade)) ?? [];
  const [now] = useState(() => Date.now());
  const state = plan ? windowState(plan, now) : undefined;

  if (plans.isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  return (
    <Flex vertical gap={12}>
      <ProblemAlert error={plans.error ?? texts.error ?? apps.error} testId="portal-child-error" />
      {plan ? <NoticeCard schoolId={child.school_id} studentId={child.student_id} notice={texts.notice} /> : null}
      {current ? <ApplicationCard child={child} application={current} /> : null}
      {!plan ? (
        <Card size="small">
          <Result status="info" title={t('portal.no_plan')} subTitle={t('portal.no_plan_hint')} />
        </Card>
      ) : canApplyAgain ? (
        <Card size="small" title={t('portal.apply_title')} data-testid="portal-apply-card">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('portal.window', { from: dateTime(plan.window_opens_at), to: dateTime(plan.window_closes_at) })}
          </Typography.Paragraph>
          {offerings.length === 0 ? (
            <Typography.Paragraph>{t('portal.no_offerings_for_grade')}</Typography.Paragraph>
          ) : (
            <Flex vertical gap={4} style={{ marginBottom: 12 }}>
              {offerings.map((o) => (
                <div key={o.id}>
                  <Typography.Text strong>{o.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {weekdaysText(t, o.weekdays)} {timeFor(o, child.grade)}
                  </Typography.Text>
                </div>
              ))}
            </Flex>
          )}
          {state === 'open' ? (
            !texts.agreement ? (
              <Alert type="info" showIcon message={t('portal.no_agreement')} />
            ) : (
              <Button
                type="primary"
                size="large"
                block
                disabled={offerings.length === 0}
                onClick={() => void navigate(portalLinks.apply(child.student_id))}
                data-testid="portal-apply"
              >
                {current ? t('portal.apply_again') : t('portal.apply')}
              </Button>
            )
          ) : (
            <Alert
              type="info"
              showIcon
              message={state === 'before' ? t('portal.window_not_open') : t('portal.window_closed')}
            />
          )}
        </Card>
      ) : null}
      {plan ? <RequestsCard child={child} termId={plan.term_id} /> : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
        {t('portal.voluntary')}
      </Typography.Paragraph>
    </Flex>
  );
}

/** 孩子主页: the notice to read, the application (status, comments, receipt) or the way to apply. */
export function ChildPage({ studentId }: { studentId: StudentId }) {
  const t = useT();
  const { child, isLoading, error, refetch } = useChild(studentId);
  if (isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (!child) {
    return (
      <>
        <ProblemAlert error={error} onRetry={refetch} />
        <Result
          status="404"
          title={t('portal.child_not_found')}
          extra={<Link to={paths.portal}>{t('portal.back_to_children')}</Link>}
        />
      </>
    );
  }
  return (
    <div data-testid="portal-child-page">
      <ChildHeader child={child} back={paths.portal} />
      <ChildOverview child={child} />
    </div>
  );
}
