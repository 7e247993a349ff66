import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Segmented, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { ApiError } from '@/api/problem';
import { useTexts } from '@/api/texts';
import type { PlanText, PlanTextId, SchoolId, Term, TextTemplate } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { dateTime } from '@/lib/date-time';
import { describeProblem, useT } from '@/lib/i18n';
import { shortSha, TEXT_KINDS, textKindLabel } from '@/lib/service-labels';
import { usePublishText } from '../api/publish-text';
import { TextDrawer } from './text-drawer';
import { TemplatePicker } from './template-picker';
import { TextFormModal } from './text-form-modal';

type TextsListProps = {
  schoolId: SchoolId;
  term: Term;
  /** School and district admins draft and publish. */
  canEdit: boolean;
};

/** The current version of each kind: the newest published one (families see only that). */
function currentIds(texts: readonly PlanText[]): Set<PlanTextId> {
  const current = new Map<string, PlanText>();
  for (const text of texts) {
    if (!text.published_at) continue;
    const best = current.get(text.kind);
    if (!best || text.version_no > best.version_no) current.set(text.kind, text);
  }
  return new Set([...current.values()].map((text) => text.id));
}

/**
 * 告知书与协议: the notice (告知书), the application form and the agreement (委托协议书) of a term,
 * each in versions. A draft can be read and checked; once published it never changes and carries
 * the SHA-256 that every family's acceptance refers to.
 */
export function TextsList({ schoolId, term, canEdit }: TextsListProps) {
  const t = useT();
  const { message } = App.useApp();
  const query = useTexts(schoolId, term.id);
  const publish = usePublishText(schoolId);
  const [kind, setKind] = useState<string>('all');
  const [viewing, setViewing] = useState<PlanText>();
  const [creating, setCreating] = useState(false);
  const [picking, setPicking] = useState(false);
  const [template, setTemplate] = useState<TextTemplate>();
  const texts = query.data?.items ?? [];
  const current = currentIds(texts);
  const shown = texts.filter((text) => kind === 'all' || text.kind === kind);

  const doPublish = (text: PlanText) =>
    publish.mutateAsync(text.id).then(
      () => void message.success(t('text.published', { title: text.title })),
      (error: unknown) =>
        void message.error(error instanceof ApiError ? describeProblem(t, error.problem).message : String(error)),
    );

  const columns: TableProps<PlanText>['columns'] = [
    { title: t('text.kind'), dataIndex: 'kind', render: (k: string) => textKindLabel(t, k) },
    {
      title: t('text.title'),
      dataIndex: 'title',
      render: (title: string, text) => (
        <a
          href={`#text-${text.id}`}
          data-testid="text-open"
          onClick={(e) => {
            e.preventDefault();
            setViewing(text);
          }}
        >
          {title}
        </a>
      ),
    },
    { title: t('text.version'), dataIndex: 'version_no', render: (no: number) => t('text.version_no', { no }) },
    {
      title: t('text.status'),
      key: 'status',
      render: (_, text) => (
        <Flex gap={4} wrap>
          {text.published_at ? (
            <Tag color="green" data-testid="text-status" data-status="published">
              {t('text.published_at', { at: dateTime(text.published_at) })}
            </Tag>
          ) : (
            <Tag data-testid="text-status" data-status="draft">
              {t('text.draft')}
            </Tag>
          )}
          {current.has(text.id) ? <Tag color="blue">{t('text.current')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('acceptance.sha256'),
      dataIndex: 'sha256',
      render: (sha: string) => (
        <Typography.Text code copyable={{ text: sha }} style={{ fontSize: 12 }}>
          {shortSha(sha)}
        </Typography.Text>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, text) =>
        text.published_at ? null : (
          <Popconfirm
            title={t('text.publish_confirm', { title: text.title })}
            description={t('text.publish_hint')}
            okButtonProps={{ 'data-testid': 'text-publish-confirm' }}
            onConfirm={() => void doPublish(text)}
          >
            <Button size="small" type="link" data-testid="text-publish">
              {t('text.publish')}
            </Button>
          </Popconfirm>
        ),
    });
  }

  return (
    <div data-testid="texts">
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 12 }}>
        <Segmented<string>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('common.all') },
            ...TEXT_KINDS.map((k) => ({ value: k, label: textKindLabel(t, k) })),
          ]}
        />
        {canEdit ? (
          <Flex gap="small">
            <Button icon={<CopyOutlined />} onClick={() => setPicking(true)} data-testid="text-from-template">
              {t('text.from_template')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setTemplate(undefined);
                setCreating(true);
              }}
              data-testid="text-create"
            >
              {t('text.create')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="texts-error" />
      <Table<PlanText>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        data-testid="texts-table"
        onRow={() => ({ 'data-testid': 'texts-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Typography.Text type="secondary">{t('text.empty')}</Typography.Text> }}
      />
      <TextDrawer text={viewing} onClose={() => setViewing(undefined)} />
      {canEdit ? (
        <TextFormModal
          schoolId={schoolId}
          term={term}
          open={creating}
          basedOn={(k) => texts.find((text) => text.kind === k)}
          template={template}
          onClose={() => {
            setCreating(false);
            setTemplate(undefined);
          }}
        />
      ) : null}
      {canEdit ? (
        <TemplatePicker
          schoolId={schoolId}
          open={picking}
          onClose={() => setPicking(false)}
          onPick={(picked) => {
            setPicking(false);
            setTemplate(picked);
            setCreating(true);
          }}
        />
      ) : null}
    </div>
  );
}
