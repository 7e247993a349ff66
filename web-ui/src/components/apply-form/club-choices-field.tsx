import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select, Typography } from 'antd';
import type { Club, ClubId } from '@/api/types';
import type { ApplyValues } from '@/lib/apply-values';
import { MAX_CLUB_CHOICES } from '@/lib/club-choice';
import { useT } from '@/lib/i18n';
import { weekdaysText } from '@/lib/service-labels';

/** The whole line a family picks from: name, category, teacher, days and seats left (or the queue). */
function clubLabel(t: ReturnType<typeof useT>, club: Club): string {
  const seats =
    club.taken >= club.capacity
      ? t('portal.club_full', { capacity: club.capacity, waiting: club.waiting })
      : t('portal.club_seats', { left: club.capacity - club.taken, capacity: club.capacity });
  const teacher = club.teacher_name ? ` · ${club.teacher_name}` : '';
  return `${club.name}（${club.category}${teacher} · ${weekdaysText(t, club.weekdays)} · ${seats}）`;
}

/** 社团志愿: up to five clubs in order of preference; the order is the rank. */
export function ClubChoicesField({ clubs }: { clubs: readonly Club[] }) {
  const t = useT();
  const chosen = (Form.useWatch('club_choices') as ApplyValues['club_choices'] | undefined) ?? [];
  return (
    <Form.List name="club_choices">
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" data-testid="portal-club-choice">
              <Typography.Text type="secondary" style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>
                {t('portal.club_choice', { rank: index + 1 })}
              </Typography.Text>
              <Form.Item
                name={field.name}
                style={{ flex: 1, minWidth: 0, marginBottom: 0 }}
                rules={[{ required: true, message: t('form.select', { label: t('club.name') }) }]}
              >
                <Select<ClubId>
                  data-testid="portal-club-select"
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('portal.club_search')}
                  options={clubs.map((c) => ({
                    value: c.id,
                    label: clubLabel(t, c),
                    disabled: chosen.some((id, i) => i !== index && id === c.id),
                  }))}
                  // On a phone the whole line (category, days, seats) wraps instead of being cut off,
                  // with the club's description under it.
                  optionRender={(option) => {
                    const club = clubs.find((c) => c.id === option.value);
                    return (
                      <span style={{ whiteSpace: 'normal' }}>
                        {option.label}
                        {club?.description ? (
                          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                            {club.description}
                          </Typography.Text>
                        ) : null}
                      </span>
                    );
                  }}
                />
              </Form.Item>
              <Button
                icon={<ArrowUpOutlined />}
                aria-label={t('portal.club_up', { rank: index + 1 })}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={t('portal.club_remove', { rank: index + 1 })}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < Math.min(MAX_CLUB_CHOICES, clubs.length) ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="portal-club-add">
              {t('portal.club_add')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
