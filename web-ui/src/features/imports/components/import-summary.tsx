import { Col, Row, Statistic } from 'antd';
import type { ImportSummary as Summary } from '@/api/types';
import { useT } from '@/lib/i18n';
import type { MessageKey } from '@/locales';

const FIELDS: ReadonlyArray<[keyof Summary, MessageKey]> = [
  ['rows', 'import.summary.rows'],
  ['students_created', 'import.summary.students_created'],
  ['students_updated', 'import.summary.students_updated'],
  ['homerooms_created', 'import.summary.homerooms_created'],
  ['guardians_created', 'import.summary.guardians_created'],
];

/** What an import did (or, after a dry run, would do). */
export function ImportSummary({ summary, testId }: { summary: Summary; testId: string }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]} data-testid={testId}>
      {FIELDS.map(([field, label]) => (
        <Col key={field} xs={12} sm={8} md={4}>
          <Statistic
            title={t(label)}
            value={summary[field]}
            valueRender={(node) => <span data-testid={`${testId}-${field}`}>{node}</span>}
          />
        </Col>
      ))}
    </Row>
  );
}
