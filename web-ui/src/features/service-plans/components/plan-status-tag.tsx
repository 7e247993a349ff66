import { Flex, Tag } from 'antd';
import { useT } from '@/lib/i18n';
import { planStatusColor, planStatusLabel } from '@/lib/service-labels';

/** 草稿 / 待审批 / 已批准 / 已退回, and 当前生效 on the approved version families apply under. */
export function PlanStatusTag({ status, effective = false }: { status: string; effective?: boolean }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      <Tag
        color={planStatusColor(status)}
        data-testid="plan-status"
        data-status={status}
        style={{ marginInlineEnd: 0 }}
      >
        {planStatusLabel(t, status)}
      </Tag>
      {effective ? (
        <Tag color="processing" data-testid="plan-effective" style={{ marginInlineEnd: 0 }}>
          {t('plan.effective')}
        </Tag>
      ) : null}
    </Flex>
  );
}
