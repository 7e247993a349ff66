import { FileDoneOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Progress,
  Row,
  Segmented,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useRecordNoticeReceipt } from '@/api/notice-receipts';
import { ApiError } from '@/api/problem';
import type { HomeroomId, HomeroomInformed, SchoolId, TermId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { compareHomeroomNames } from '@/lib/grade';
import { describeProblem, useT } from '@/lib/i18n';
import { percent } from '@/lib/service-labels';
import { useInformedReport } from '../api/get-informed-report';

type InformedReportProps = {
  schoolId: SchoolId;
  termId: TermId;
  /** Homeroom teachers and school admins record that a family got the notice on paper. */
  canRecordPaper: boolean;
  /** A homeroom teacher's own homerooms: the report opens on them. */
  ownHomeroomIds?: readonly HomeroomId[];
  /**
   * The homerooms whose paper receipts may be recorded: a homeroom teacher's own (the server
   * refuses others with 403); undefined: every homeroom (a school admin).
   */
  paperHomeroomIds?: readonly HomeroomId[];
};

type Show = 'own' | 'missing' | 'all';

const rateOf = (h: HomeroomInformed) => (h.families === 0 ? 1 : h.informed / h.families);

/**
 * 知晓情况 (知晓率100%，不漏一人): how many families received the term's current notice, per
 * homeroom, and who has not yet — each of whom a homeroom teacher can mark as informed on paper.
 * A family is the children sharing a guardian (siblings count once), so students ≥ families and
 * 知晓率 = informed families ÷ families.
 */
export function InformedReport({
  schoolId,
  termId,
  canRecordPaper,
  ownHomeroomIds,
  paperHomeroomIds,
}: InformedReportProps) {
  const t = useT();
  const { message } = App.useApp();
  const query = useInformedReport(schoolId, termId);
  const record = useRecordNoticeReceipt(schoolId);
  const [show, setShow] = useState<Show>(ownHomeroomIds?.length ? 'own' : 'missing');

  if (query.isLoading) return <Spin />;
  const report = query.data;
  if (!report) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="informed-error" />;
  const textId = report.text_id;
  if (textId === null || textId === undefined) {
    return <Alert type="warning" showIcon data-testid="informed-no-notice" message={t('informed.no_notice')} />;
  }

  const homerooms = [...report.homerooms]
    .filter((h) =>
      show === 'own' ? (ownHomeroomIds ?? []).includes(h.homeroom_id) : show === 'all' || h.not_informed.length > 0,
    )
    .sort((a, b) => compareHomeroomNames(a.homeroom_name, b.homeroom_name));

  const markPaper = (studentId: number, name: string) =>
    record.mutateAsync({ text_id: textId, student_id: studentId }).then(
      () => void message.success(t('informed.paper_recorded', { name })),
      (error: unknown) =>
        void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
    );

  const columns: TableProps<HomeroomInformed>['columns'] = [
    { title: t('student.homeroom'), dataIndex: 'homeroom_name' },
    { title: t('informed.students'), dataIndex: 'students', align: 'right' },
    { title: t('informed.families'), dataIndex: 'families', align: 'right' },
    { title: t('informed.informed'), dataIndex: 'informed', align: 'right' },
    {
      title: t('informed.rate'),
      key: 'rate',
      render: (_, h) => (
        <Flex align="center" gap={8} style={{ minWidth: 150 }}>
          <Progress
            percent={rateOf(h) * 100}
            showInfo={false}
            size="small"
            status={h.not_informed.length === 0 ? 'success' : 'normal'}
            style={{ flex: 1, margin: 0 }}
          />
          <span style={{ width: 52, textAlign: 'right' }}>{percent(rateOf(h))}</span>
        </Flex>
      ),
    },
    {
      title: t('informed.not_informed'),
      key: 'missing',
      align: 'right',
      render: (_, h) =>
        h.not_informed.length > 0 ? (
          <Typography.Text type="danger">{h.not_informed.length}</Typography.Text>
        ) : (
          <Typography.Text type="success">0</Typography.Text>
        ),
    },
  ];

  return (
    <div data-testid="informed-report">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12}>
          <Card size="small">
            <Statistic
              title={t('informed.school_rate')}
              value={percent(report.rate)}
              valueStyle={{ color: report.rate >= 1 ? '#1f7a5c' : undefined }}
              data-testid="informed-rate"
            />
            <Progress percent={report.rate * 100} showInfo={false} status={report.rate >= 1 ? 'success' : 'normal'} />
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card size="small">
            <Statistic
              title={t('informed.informed_of_families')}
              value={report.informed}
              suffix={`/ ${report.families}`}
              data-testid="informed-count"
            />
            <Typography.Text style={{ display: 'block' }} data-testid="informed-summary">
              {t('informed.summary', {
                students: report.students,
                families: report.families,
                informed: report.informed,
              })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="informed-hint">
              {t('informed.hint')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Segmented<Show>
        value={show}
        onChange={setShow}
        style={{ marginBottom: 12 }}
        options={[
          ...(ownHomeroomIds?.length ? [{ value: 'own' as const, label: t('informed.show_own') }] : []),
          { value: 'missing', label: t('informed.show_missing') },
          { value: 'all', label: t('informed.show_all') },
        ]}
      />
      <Table<HomeroomInformed>
        rowKey="homeroom_id"
        size="middle"
        pagination={false}
        columns={columns}
        dataSource={homerooms}
        // No horizontal scroll: the not-informed names of an opened row wrap within the page.
        data-testid="informed-table"
        expandable={{
          rowExpandable: (h) => h.not_informed.length > 0,
          expandedRowRender: (h) => (
            <Flex wrap gap={8} data-testid="not-informed">
              {h.not_informed.map((s) => (
                <Flex
                  key={s.student_id}
                  align="center"
                  gap={4}
                  data-testid="not-informed-student"
                  style={{
                    border: '1px solid #f0f0f0',
                    borderRadius: 6,
                    padding: '2px 4px 2px 8px',
                    background: '#fff',
                  }}
                >
                  <span>{s.name}</span>
                  {canRecordPaper && (paperHomeroomIds === undefined || paperHomeroomIds.includes(h.homeroom_id)) ? (
                    <Popconfirm
                      title={t('informed.paper_confirm', { name: s.name })}
                      okButtonProps={{ 'data-testid': 'paper-receipt-confirm' }}
                      onConfirm={() => void markPaper(s.student_id, s.name)}
                    >
                      <Button
                        type="link"
                        size="small"
                        icon={<FileDoneOutlined />}
                        aria-label={t('informed.paper_for', { name: s.name })}
                        data-testid="paper-receipt"
                      >
                        {t('informed.paper')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Flex>
              ))}
            </Flex>
          ),
        }}
        locale={{ emptyText: t('informed.all_informed') }}
      />
    </div>
  );
}
