import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  DownloadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Collapse, Flex, Tag } from 'antd';
import { useState } from 'react';
import type { Acceptance, SchoolId, StudentId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { TextBody } from '@/components/text-body';
import { useT } from '@/lib/i18n';
import { useAcceptanceEvidence } from '../api/get-acceptance-evidence';

/** Saves the evidence as it came from the server (JSON), for a dispute or an inspection. */
function download(studentId: StudentId, evidence: unknown): void {
  const blob = new Blob([JSON.stringify(evidence, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `acceptance-evidence-${studentId}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

type AcceptanceEvidenceProps = {
  schoolId: SchoolId;
  studentId: StudentId;
  acceptance: Acceptance;
};

/**
 * 核验: loads the student's acceptance evidence on demand — whether every stored hash still
 * matches its text (tamper check) and the exact agreement text this family accepted.
 */
export function AcceptanceEvidenceCheck({ schoolId, studentId, acceptance }: AcceptanceEvidenceProps) {
  const t = useT();
  const [wanted, setWanted] = useState(false);
  const evidence = useAcceptanceEvidence(schoolId, studentId, wanted);
  const text = evidence.data?.texts.find((x) => x.id === acceptance.text_id);

  if (!wanted) {
    return (
      <Button
        size="small"
        icon={<SafetyCertificateOutlined />}
        onClick={() => setWanted(true)}
        style={{ marginTop: 8 }}
        data-testid="evidence-check"
      >
        {t('evidence.check')}
      </Button>
    );
  }
  return (
    <div style={{ marginTop: 8 }} data-testid="evidence">
      <ProblemAlert error={evidence.error} onRetry={() => evidence.refetch()} testId="evidence-error" />
      {evidence.data ? (
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            {evidence.data.hashes_match && text?.sha256 === acceptance.sha256 ? (
              <Tag icon={<CheckCircleOutlined />} color="success" data-testid="evidence-ok">
                {t('evidence.match')}
              </Tag>
            ) : (
              <Tag icon={<CloseCircleOutlined />} color="error" data-testid="evidence-mismatch">
                {t('evidence.mismatch')}
              </Tag>
            )}
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => download(studentId, evidence.data)}
              data-testid="evidence-download"
            >
              {t('evidence.download')}
            </Button>
          </Flex>
          {text ? (
            <Collapse
              size="small"
              items={[
                {
                  key: 'text',
                  label: t('evidence.accepted_text', { title: text.title, no: text.version_no }),
                  children: <TextBody body={text.body} />,
                },
              ]}
            />
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
}
