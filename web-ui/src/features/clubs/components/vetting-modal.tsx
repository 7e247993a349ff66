import { App, Checkbox, Form, Input, Radio } from 'antd';
import type { Club, SchoolId, VettingCheck, VettingDecision } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { useVetClub } from '../api/vet-club';
import {
  REQUIRED_CHECK,
  VETTING_CHECKS,
  VETTING_PROBLEMS,
  vettingBody,
  vettingCheckLabel,
  vettingError,
} from '../labels';

type Values = { decision: VettingDecision; checks: VettingCheck[]; note?: string };

type VettingModalProps = {
  schoolId: SchoolId;
  /** The club whose external teacher is vetted; none: closed. */
  club: Club | undefined;
  onClose: () => void;
};

/** The form's start: a first vetting proposes 通过; a repeated one starts from what was recorded. */
function initialValues(club: Club | undefined): Partial<Values> {
  const decision: VettingDecision = club?.vetting_status === 'rejected' ? 'rejected' : 'approved';
  const checks = VETTING_CHECKS.filter((c) => club?.vetting_checks.includes(c));
  return { decision, checks };
}

/**
 * 审核备案 (the school admin only): 通过 or 不通过, the checks made and a note. An approval needs
 * 无犯罪记录查询, checked here before sending and again by the server (422 on `checks`).
 */
export function VettingModal({ schoolId, club, onClose }: VettingModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, VETTING_PROBLEMS);
  const vet = useVetClub(schoolId);
  const close = () => {
    problem.clear();
    onClose();
  };
  const submit = (values: Values) => {
    if (!club) return;
    problem.clear();
    vet.mutate(
      { id: club.id, body: vettingBody(values.decision, values.checks ?? [], values.note) },
      {
        onSuccess: (vetted) => {
          void message.success(t('club.vet_done', { name: vetted.name }));
          close();
        },
        onError: problem.show,
      },
    );
  };
  return (
    <FormModal<Values>
      open={club !== undefined}
      title={t('club.vet_title', { teacher: club?.external_teacher ?? '', name: club?.name ?? '' })}
      form={form}
      initialValues={initialValues(club)}
      onFinish={submit}
      onCancel={close}
      submitting={vet.isPending}
      error={problem.error}
      testId="vetting-form"
    >
      <Form.Item
        label={t('club.vet_decision')}
        name="decision"
        rules={[{ required: true, message: t('form.select', { label: t('club.vet_decision') }) }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="vetting-decision"
          options={[
            { value: 'approved', label: t('club.vet_approve') },
            { value: 'rejected', label: t('club.vet_reject') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('club.vetting_checks')}
        name="checks"
        extra={t('club.vet_checks_hint')}
        dependencies={['decision']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, checks: VettingCheck[] | undefined) =>
              vettingError(getFieldValue('decision') as VettingDecision | undefined, checks)
                ? Promise.reject(new Error(t('club.vet_criminal_record_required')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Checkbox.Group
          data-testid="vetting-checks"
          options={VETTING_CHECKS.map((c) => ({
            value: c,
            label: (
              <span data-testid={`vetting-check-${c}`}>
                {vettingCheckLabel(t, c)}
                {c === REQUIRED_CHECK ? <span style={{ color: '#ff4d4f', marginInlineStart: 4 }}>*</span> : null}
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('club.vet_note')}
        name="note"
        rules={[{ max: 500, message: t('form.max_length', { label: t('club.vet_note'), max: 500 }) }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('club.vet_note_placeholder')}
          data-testid="vetting-note"
        />
      </Form.Item>
    </FormModal>
  );
}
