import { Checkbox, Flex, Form, Radio, Typography } from 'antd';
import { useStudentPickupPersons } from '@/api/pickup-persons';
import type { PickupPerson, SchoolId, StudentId } from '@/api/types';
import type { ApplyValues } from '@/lib/apply-values';
import { useT } from '@/lib/i18n';
import { LEAVE_MODES, leaveModeLabel } from '@/lib/service-labels';
import { ApplySection } from './apply-section';

function PersonLine({ person }: { person: PickupPerson }) {
  return (
    <span data-testid="portal-pickup-person">
      <Typography.Text strong>{person.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
        {person.relation} · {person.phone}
      </Typography.Text>
    </span>
  );
}

/** 授权接送人: the child's registered pickup persons to tick (the school registers new ones). */
function PickupPersons({ schoolId, studentId }: { schoolId: SchoolId; studentId: StudentId }) {
  const t = useT();
  const persons = useStudentPickupPersons(schoolId, studentId);
  const items = persons.data?.items ?? [];
  // Without the list (still loading, or not readable) only the note is shown.
  if (!persons.data) return null;
  return (
    <div data-testid="portal-pickup-persons">
      {items.length === 0 ? (
        <Form.Item label={t('portal.pickup_persons')} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('portal.no_pickup_persons')}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item name="pickup_person_ids" label={t('portal.pickup_persons')} style={{ marginBottom: 8 }}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={8} style={{ width: '100%' }}>
              {items.map((p) => (
                <Checkbox key={p.id} value={p.id}>
                  <PersonLine person={p} />
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      )}
    </div>
  );
}

/**
 * 离校方式: how the child leaves and, when picked up, who may collect the child — ticked from
 * the people the school has registered (new ones go through the homeroom teacher).
 */
export function LeaveSection({ schoolId, studentId }: { schoolId: SchoolId; studentId: StudentId }) {
  const t = useT();
  const mode = Form.useWatch('leave_mode') as ApplyValues['leave_mode'] | undefined;
  return (
    <ApplySection title={t('portal.step_leave')}>
      <Form.Item name="leave_mode" style={{ marginBottom: 8 }}>
        <Radio.Group data-testid="portal-leave-mode">
          <Flex vertical gap={8}>
            {LEAVE_MODES.map((m) => (
              <Radio key={m} value={m}>
                {leaveModeLabel(t, m)}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      {mode === 'pickup' ? <PickupPersons schoolId={schoolId} studentId={studentId} /> : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: 0 }} data-testid="portal-pickup-note">
        {t('portal.pickup_persons_note')}
      </Typography.Paragraph>
    </ApplySection>
  );
}
