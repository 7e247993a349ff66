import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useClubs } from '@/api/clubs';
import type { Club, SchoolId, Term } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { dateTime } from '@/lib/date-time';
import { useT } from '@/lib/i18n';
import { gradeLabel } from '@/lib/grade';
import { weekdaysText } from '@/lib/service-labels';
import { needsVetting, vettingChecksText, vettingColor, vettingLabel } from '../labels';
import { ClubFormModal, type ClubPickers } from './club-form-modal';
import { VettingModal } from './vetting-modal';

/** Names of other features' records, resolved by the page. */
export type ClubNames = {
  staff: (id: number) => string | undefined;
  room: (id: number) => string | undefined;
  homeroom: (id: number) => string | undefined;
  /** A staff member by their login (`users.id`): who vetted an external teacher. */
  user: (userId: number) => string | undefined;
};

type ClubsListProps = {
  schoolId: SchoolId;
  term: Term;
  names: ClubNames;
  /** School and district admins add clubs. */
  canEdit: boolean;
  /** The school admin vets external teachers (审核备案). */
  canVet: boolean;
  pickers: ClubPickers;
};

/**
 * 社团: the term's club catalogue. Families rank up to five clubs when they apply; seats go by
 * rank, and a full first choice puts the child on its waitlist. 第一志愿 counts how many ranked it first.
 */
export function ClubsList({ schoolId, term, names, canEdit, canVet, pickers }: ClubsListProps) {
  const t = useT();
  const query = useClubs(schoolId, term.id);
  const [creating, setCreating] = useState(false);
  const [vetting, setVetting] = useState<Club>();
  const clubs = query.data?.items ?? [];
  const vetter = (userId: number | null | undefined) =>
    userId == null ? t('common.none') : (names.user(userId) ?? t('audit.actor.user', { id: userId }));
  const vettingHint = (status: string) =>
    status === 'pending'
      ? t('club.vetting_pending_hint')
      : status === 'rejected'
        ? t('club.vetting_rejected_hint')
        : undefined;

  const columns: TableProps<Club>['columns'] = [
    {
      title: t('club.name'),
      dataIndex: 'name',
      render: (name: string, club) => (
        <div>
          <Typography.Text strong data-testid="club-name">
            {name}
          </Typography.Text>
          {club.homeroom_id != null ? (
            <Tag style={{ marginInlineStart: 8 }}>
              {t('club.only_homeroom', {
                homeroom: club.homeroom_name ?? names.homeroom(club.homeroom_id) ?? `#${club.homeroom_id}`,
              })}
            </Tag>
          ) : null}
          {club.description ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {club.description}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: t('club.category'), dataIndex: 'category', render: (c: string) => <Tag>{c}</Tag> },
    {
      title: t('club.grades'),
      key: 'grades',
      render: (_, club) =>
        club.grade_min === club.grade_max
          ? gradeLabel(t, club.grade_min)
          : t('grade.range', { from: gradeLabel(t, club.grade_min), to: gradeLabel(t, club.grade_max) }),
    },
    { title: t('club.weekdays'), dataIndex: 'weekdays', render: (days: number[]) => weekdaysText(t, days) },
    {
      title: t('club.capacity'),
      key: 'capacity',
      render: (_, club) => (
        <span data-testid="club-usage">
          {t('club.usage', { taken: club.taken, capacity: club.capacity })}
          {club.waiting > 0 ? (
            <Tag color="gold" style={{ marginInlineStart: 8 }}>
              {t('club.waiting', { waiting: club.waiting })}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('club.teacher'),
      key: 'teacher',
      render: (_, club) =>
        club.external_teacher ? (
          <div>
            <Flex gap={4} align="center" wrap>
              <span>{club.external_teacher}</span>
              <Tag>{t('club.teacher_external')}</Tag>
              <Tooltip title={vettingHint(club.vetting_status)}>
                <Tag
                  color={vettingColor(club.vetting_status)}
                  data-testid="club-vetting"
                  data-status={club.vetting_status}
                >
                  {vettingLabel(t, club.vetting_status)}
                </Tag>
              </Tooltip>
              {/* Next to the status it records: the catalogue scrolls sideways on a tablet. */}
              {canVet && needsVetting(club) ? (
                <Button
                  type="link"
                  size="small"
                  icon={<AuditOutlined />}
                  onClick={() => setVetting(club)}
                  aria-label={t('club.vet_for', { name: club.name })}
                  data-testid="club-vet"
                  style={{ paddingInline: 0 }}
                >
                  {t('club.vet')}
                </Button>
              ) : null}
            </Flex>
            {club.vetted_at ? (
              <div
                style={{ fontSize: 12, lineHeight: '18px', marginTop: 2, maxWidth: 260, whiteSpace: 'normal' }}
                data-testid="club-vetting-detail"
              >
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('club.vetted_line', {
                    by: club.vetted_by_name ?? vetter(club.vetted_by),
                    at: dateTime(club.vetted_at),
                  })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('club.vetting_checks_line', {
                    checks:
                      club.vetting_checks.length > 0
                        ? vettingChecksText(t, club.vetting_checks)
                        : t('club.vetting_checks_none'),
                  })}
                </Typography.Text>
              </div>
            ) : null}
          </div>
        ) : club.teacher_staff_id != null ? (
          (club.teacher_name ?? names.staff(club.teacher_staff_id) ?? `#${club.teacher_staff_id}`)
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('club.room'),
      dataIndex: 'room_id',
      render: (id: number | null | undefined, club: Club) =>
        id != null ? (
          (club.room_name ?? names.room(id) ?? `#${id}`)
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('club.first_choices'),
      dataIndex: 'first_choices',
      align: 'right',
      sorter: (a, b) => a.first_choices - b.first_choices,
    },
  ];

  return (
    <div data-testid="clubs">
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('club.hint')}</Typography.Text>
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="club-create">
            {t('club.create')}
          </Button>
        ) : null}
      </Flex>
      <ProblemAlert error={query.error} onRetry={() => query.refetch()} testId="clubs-error" />
      <Table<Club>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={clubs}
        scroll={{ x: 'max-content' }}
        data-testid="clubs-table"
        onRow={() => ({ 'data-testid': 'clubs-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Typography.Text type="secondary">{t('club.empty')}</Typography.Text> }}
      />
      {canEdit ? (
        <ClubFormModal
          schoolId={schoolId}
          term={term}
          open={creating}
          pickers={pickers}
          usedCategories={clubs.map((c) => c.category)}
          onClose={() => setCreating(false)}
        />
      ) : null}
      {canVet ? <VettingModal schoolId={schoolId} club={vetting} onClose={() => setVetting(undefined)} /> : null}
    </div>
  );
}
