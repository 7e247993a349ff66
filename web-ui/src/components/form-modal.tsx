import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

type FormModalProps<T> = {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  initialValues?: FormProps<T>['initialValues'];
  onValuesChange?: FormProps<T>['onValuesChange'];
  onFinish: (values: T) => void;
  onCancel: () => void;
  submitting: boolean;
  /** What the fields cannot show (see useFormProblem), above the form. */
  error: unknown;
  /** `<testId>` wraps the form, `<testId>-submit` is the OK button, `<testId>-error` the alert. */
  testId: string;
  /** Dialog width; 560 px suits a handful of fields, an editor of rows needs more. */
  width?: number | string;
  children: ReactNode;
};

/**
 * A dialog with one vertical form: OK submits it (AntD's 确定/取消 from the locale), the form is
 * rebuilt from `initialValues` every time it opens, and problems show above the fields.
 */
export function FormModal<T>({
  open,
  title,
  form,
  initialValues,
  onValuesChange,
  onFinish,
  onCancel,
  submitting,
  error,
  testId,
  width = 560,
  children,
}: FormModalProps<T>) {
  return (
    <Modal
      open={open}
      title={title}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
      cancelButtonProps={{ disabled: submitting }}
      destroyOnHidden
      maskClosable={false}
      width={width}
    >
      <div data-testid={testId}>
        <ProblemAlert error={error} testId={`${testId}-error`} />
        <Form<T>
          form={form}
          name={testId}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={onValuesChange}
          onFinish={onFinish}
          disabled={submitting}
          scrollToFirstError
        >
          {/* No hidden submit button: Enter in a date picker or a select would submit the form. */}
          {children}
        </Form>
      </div>
    </Modal>
  );
}
