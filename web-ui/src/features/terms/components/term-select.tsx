import { Select } from 'antd';
import type { Term, TermId } from '@/api/types';
import { useT } from '@/lib/i18n';

type TermSelectProps = {
  terms: readonly Term[];
  value: TermId | undefined;
  onChange: (termId: TermId) => void;
  loading?: boolean;
  testId?: string;
};

/** 学期: the pages of the applications area work on one term at a time. */
export function TermSelect({ terms, value, onChange, loading, testId = 'term-select' }: TermSelectProps) {
  const t = useT();
  return (
    <Select<TermId>
      aria-label={t('term.select')}
      placeholder={t('term.select')}
      style={{ width: 200, maxWidth: '100%' }}
      data-testid={testId}
      loading={loading}
      value={value}
      onChange={onChange}
      options={[...terms]
        .sort((a, b) => b.start_date.localeCompare(a.start_date))
        .map((term) => ({ value: term.id, label: term.name }))}
    />
  );
}
