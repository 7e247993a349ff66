import { Card, Col, Empty, Flex, Progress, Row, Spin, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ClubFigures, Counts, SchoolId, TermId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { compareHomeroomNames, gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { offeringKindLabel, OFFERING_KINDS, percent, rejectReasonLabel } from '@/lib/service-labels';
import { useApplicationStats } from '../api/get-application-stats';

type Row = Counts & { key: string; label: string };

/** 参与率 as a bar with its percentage; nothing to show without eligible students. */
function Rate({ counts }: { counts: Counts }) {
  const t = useT();
  if (counts.eligible === 0) return <>{t('common.none')}</>;
  return (
    <Flex align="center" gap={8} style={{ minWidth: 140 }}>
      <Progress
        percent={counts.participation_rate * 100}
        showInfo={false}
        size="small"
        style={{ flex: 1, margin: 0 }}
      />
      <span style={{ width: 52, textAlign: 'right' }}>{percent(counts.participation_rate)}</span>
    </Flex>
  );
}

/**
 * 报名统计 of a term: applied, in review, approved, refused (by reason), withdrawn and waiting
 * (seats wanted beyond a cap: unmet demand the district sees), and the participation rate
 * (approved ÷ eligible students), for the school and per grade, homeroom and offering kind.
 */
export function ApplicationStats({ schoolId, termId }: { schoolId: SchoolId; termId: TermId }) {
  const t = useT();
  const query = useApplicationStats(schoolId, termId);
  if (query.isLoading) return <Spin />;
  if (!query.data) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="stats-error" />;
  const stats = query.data;
  const school = stats.school;

  const columns = (first: string, withRate = true): TableProps<Row>['columns'] => [
    { title: first, dataIndex: 'label', fixed: 'left' },
    { title: t('stats.eligible'), dataIndex: 'eligible', align: 'right' },
    { title: t('stats.applied'), dataIndex: 'applied', align: 'right' },
    { title: t('stats.in_review'), dataIndex: 'in_review', align: 'right' },
    { title: t('stats.approved'), dataIndex: 'approved', align: 'right' },
    { title: t('stats.refused'), dataIndex: 'refused', align: 'right' },
    { title: t('stats.withdrawn'), dataIndex: 'withdrawn', align: 'right' },
    { title: t('stats.waiting'), dataIndex: 'waiting', align: 'right' },
    ...(withRate
      ? [{ title: t('stats.participation_rate'), key: 'rate', render: (_: unknown, row: Row) => <Rate counts={row} /> }]
      : []),
  ];
  const table = (rows: Row[], first: string, testId: string, withRate = true) => (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns(first, withRate)}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );

  const byGrade: Row[] = Object.entries(stats.by_grade)
    .map(([grade, c]) => ({ ...c, key: grade, label: gradeLabel(t, Number(grade)) }))
    .sort((a, b) => Number(a.key) - Number(b.key));
  const byHomeroom: Row[] = Object.entries(stats.by_homeroom)
    .map(([name, c]) => ({ ...c, key: name, label: name }))
    .sort((a, b) => compareHomeroomNames(a.key, b.key));
  const kindOrder = (k: string) => {
    const i = (OFFERING_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? OFFERING_KINDS.length : i;
  };
  const byKind: Row[] = Object.entries(stats.by_offering_kind)
    .map(([kind, c]) => ({ ...c, key: kind, label: offeringKindLabel(t, kind) }))
    .sort((a, b) => kindOrder(a.key) - kindOrder(b.key));
  const reasons = Object.entries(stats.refused_by_reason).filter(([, n]) => n > 0);

  const numbers: [string, number, string][] = [
    [t('stats.eligible'), school.eligible, 'eligible'],
    [t('stats.applied'), school.applied, 'applied'],
    [t('stats.in_review'), school.in_review, 'in_review'],
    [t('stats.approved'), school.approved, 'approved'],
    [t('stats.refused'), school.refused, 'refused'],
    [t('stats.withdrawn'), school.withdrawn, 'withdrawn'],
    [t('stats.waiting'), school.waiting, 'waiting'],
    [t('stats.drafts'), school.drafts, 'drafts'],
  ];
  const ranks = Math.max(1, ...stats.by_club.map((c) => c.applicants_by_rank.length));
  const clubColumns: TableProps<ClubFigures>['columns'] = [
    { title: t('club.name'), dataIndex: 'name', fixed: 'left' },
    { title: t('club.capacity'), dataIndex: 'capacity', align: 'right' },
    ...Array.from({ length: ranks }, (_, i) => ({
      title: t('stats.club_rank', { rank: i + 1 }),
      key: `rank-${i}`,
      align: 'right' as const,
      render: (_: unknown, c: ClubFigures) => c.applicants_by_rank[i] ?? 0,
    })),
    { title: t('stats.club_placed'), dataIndex: 'placed', align: 'right' },
    { title: t('stats.waiting'), dataIndex: 'waiting', align: 'right' },
    { title: t('stats.club_fill'), dataIndex: 'fill_rate', align: 'right', render: (v: number) => percent(v) },
  ];

  return (
    <div data-testid="application-stats">
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="stats-error" />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={t('stats.participation_rate')}
              value={percent(school.participation_rate)}
              valueStyle={{ color: '#1f7a5c' }}
              data-testid="stats-participation"
            />
            <Progress percent={school.participation_rate * 100} showInfo={false} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('stats.participation_hint')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" style={{ height: '100%' }}>
            <Row gutter={[12, 12]}>
              {numbers.map(([title, value, key]) => (
                <Col xs={12} sm={6} key={key}>
                  <Statistic title={title} value={value} data-testid={`stats-${key}`} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Flex gap={8} align="center" wrap style={{ margin: '12px 0' }} data-testid="stats-refusals">
        <Typography.Text type="secondary">{t('stats.refused_by_reason')}</Typography.Text>
        {reasons.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          reasons.map(([reason, n]) => (
            <Tag key={reason}>
              {rejectReasonLabel(t, reason)} {n}
            </Tag>
          ))
        )}
      </Flex>
      {school.applied === 0 && school.eligible === 0 ? <Empty /> : null}
      <Tabs
        items={[
          { key: 'grade', label: t('stats.by_grade'), children: table(byGrade, t('student.grade'), 'stats-by-grade') },
          {
            key: 'homeroom',
            label: t('stats.by_homeroom'),
            children: table(byHomeroom, t('student.homeroom'), 'stats-by-homeroom'),
          },
          {
            key: 'kind',
            label: t('stats.by_offering_kind'),
            children: (
              <>
                {table(byKind, t('offering.kind'), 'stats-by-kind', false)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('stats.kind_hint')}
                </Typography.Text>
              </>
            ),
          },
          {
            key: 'clubs',
            label: t('stats.by_club'),
            children: (
              <Table<ClubFigures>
                rowKey="club_id"
                size="small"
                pagination={false}
                columns={clubColumns}
                dataSource={stats.by_club}
                scroll={{ x: 'max-content' }}
                data-testid="stats-by-club"
              />
            ),
          },
        ]}
      />
    </div>
  );
}
