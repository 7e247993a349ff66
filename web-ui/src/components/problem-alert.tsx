import { Alert, Button } from 'antd';
import { ApiError, toProblem } from '@/api/problem';
import { describeProblem, useT } from '@/lib/i18n';

type ProblemAlertProps = {
  error: unknown;
  onRetry?: () => unknown;
  testId?: string;
};

/**
 * Shows an API problem: the locale's message for its code, else the server's detail. The
 * server's own detail stays available as the alert's tooltip (for support, with the code).
 */
export function ProblemAlert({ error, onRetry, testId = 'problem-alert' }: ProblemAlertProps) {
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : toProblem(undefined, undefined);
  const { message } = describeProblem(t, problem, error instanceof ApiError ? error.retryAfter : null);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-problem-code={problem.code}
      message={<span title={problem.detail || undefined}>{message}</span>}
      action={
        onRetry ? (
          <Button size="small" onClick={() => void onRetry()}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
