import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import type { useEditAndResubmit } from '@/api/applications';
import { ApiError } from '@/api/problem';
import type { Application, Child, Club, Offering, PlanText } from '@/api/types';
import { ApplyFields } from '@/components/apply-form/apply-fields';
import { ProblemAlert } from '@/components/problem-alert';
import {
  agreementChanged,
  APPLY_PROBLEMS,
  chosenOfferings,
  editBody,
  valuesFromApplication,
  type ApplyValues,
} from '@/lib/apply-values';
import { useFormProblem } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';

type EditFormProps = {
  child: Child;
  /** As last read: its version goes in If-Match. */
  application: Application;
  offerings: readonly Offering[];
  clubs: readonly Club[];
  categories: readonly string[];
  /** The agreement now published (the family accepts it again only if it changed). */
  agreement: PlanText | undefined;
  /** The server says a newer agreement is out than the page knew: read the texts again. */
  onAgreementStale: () => unknown;
  /** Owned by the page: once saved, the application is no longer editable and the page moves on. */
  save: ReturnType<typeof useEditAndResubmit>;
};

/**
 * 修改报名: the apply form filled in from the application; 保存并重新提交 saves the edit
 * (If-Match) and submits it for review again.
 */
export function EditForm({
  child,
  application,
  offerings,
  clubs,
  categories,
  agreement,
  onAgreementStale,
  save,
}: EditFormProps) {
  const t = useT();
  const [form] = Form.useForm<ApplyValues>();
  const problem = useFormProblem(form, APPLY_PROBLEMS);
  const [initialValues] = useState(() => valuesFromApplication(application, offerings));
  const [noOffering, setNoOffering] = useState(false);
  // Set when the server refuses the old acceptance although the page had not seen a newer text.
  const [mustAccept, setMustAccept] = useState(false);
  const renew = agreement && (mustAccept || agreementChanged(application, agreement)) ? agreement : undefined;

  const submit = (values: ApplyValues) => {
    problem.clear();
    const body = editBody(offerings, values, renew);
    setNoOffering(body.offerings.length === 0);
    if (body.offerings.length === 0) return;
    save.mutate(
      { application, body },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'application.agreement_not_current') {
            setMustAccept(true);
            void onAgreementStale();
          }
          problem.show(error);
        },
      },
    );
  };

  return (
    <Form<ApplyValues>
      form={form}
      name="portal-edit"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ values }) => setNoOffering(chosenOfferings(offerings, values.choices).length === 0)}
      disabled={save.isPending}
      scrollToFirstError
      requiredMark={false}
      data-testid="portal-edit-form"
    >
      {renew ? (
        <Alert
          type="info"
          showIcon
          message={t('portal.agreement_changed')}
          style={{ marginTop: 12 }}
          data-testid="portal-agreement-changed"
        />
      ) : null}
      <ApplyFields
        child={child}
        offerings={offerings}
        clubs={clubs}
        categories={categories}
        agreement={renew}
        noOffering={noOffering}
      />
      <ProblemAlert error={problem.error} testId="portal-edit-error" />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={save.isPending}
        style={{ marginTop: 20 }}
        data-testid="portal-edit-submit"
      >
        {t('portal.save_and_resubmit')}
      </Button>
    </Form>
  );
}
