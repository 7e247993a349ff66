import { Flex, Tag, Typography } from 'antd';
import type { Club, ClubChoice, ClubId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { placementColor, placementLabel } from '@/lib/service-labels';

type ClubChoicesProps = {
  choices: readonly ClubChoice[];
  /** The term's clubs, to name the choices (a club not found shows its id). */
  clubs: readonly Club[] | undefined;
};

/**
 * The ranked club choices (社团志愿) of an application and where the child stands in each:
 * enrolled, waiting with a place on the waitlist (候补第 N 位), not placed, or left.
 */
export function ClubChoices({ choices, clubs }: ClubChoicesProps) {
  const t = useT();
  const name = (id: ClubId) => clubs?.find((c) => c.id === id)?.name ?? t('club.unknown', { id });
  const sorted = [...choices].sort((a, b) => a.rank - b.rank);
  return (
    <Flex vertical gap={8} data-testid="club-choices">
      {sorted.map((c) => (
        <Flex key={c.club_id} justify="space-between" align="center" gap={8} wrap data-testid="club-choice">
          <div style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {t('club.rank', { rank: c.rank })}
            </Typography.Text>
            <Typography.Text strong>{name(c.club_id)}</Typography.Text>
          </div>
          <Tag color={placementColor(c.placement)} data-testid="club-placement" style={{ marginInlineEnd: 0 }}>
            {placementLabel(t, c.placement, c.queue_position)}
          </Tag>
        </Flex>
      ))}
    </Flex>
  );
}
