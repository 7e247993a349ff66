import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Term } from '@/api/types';
import { Page } from '@/components/page';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { TermSelect } from '@/features/terms/components/term-select';
import { useTermChoice } from '@/features/terms/use-term-choice';
import { useSchoolId } from '@/lib/current-school';
import { useT } from '@/lib/i18n';

type TermPageProps = {
  title: string;
  testId: string;
  /** Buttons beside the term picker, for the chosen term. */
  actions?: (term: Term) => ReactNode;
  children: (term: Term) => ReactNode;
};

/** A page of the applications area: everything there belongs to one term, chosen in the header. */
export function TermPage({ title, testId, actions, children }: TermPageProps) {
  const t = useT();
  const schoolId = useSchoolId();
  const choice = useTermChoice(schoolId);
  const { term } = choice;
  return (
    <Page
      title={title}
      testId={testId}
      extra={
        <>
          <TermSelect
            terms={choice.terms}
            value={choice.termId}
            onChange={choice.setTermId}
            loading={choice.isLoading}
          />
          {term ? actions?.(term) : null}
        </>
      }
    >
      <ProblemAlert error={choice.error} onRetry={choice.refetch} testId="terms-error" />
      {choice.isLoading ? <Spin /> : null}
      {!choice.isLoading && !term && !choice.error ? (
        <Empty description={t('term.none')}>
          <Link to={paths.terms}>{t('menu.terms')}</Link>
        </Empty>
      ) : null}
      {/* Keyed by school and term: a switch starts the page afresh (filters, selections). */}
      {term ? <div key={`${schoolId}-${term.id}`}>{children(term)}</div> : null}
    </Page>
  );
}
