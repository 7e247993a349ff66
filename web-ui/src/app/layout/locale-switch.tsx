import { Segmented } from 'antd';
import type { Locale } from '@/locales';
import { useI18n } from '@/lib/i18n';

const OPTIONS: { label: string; value: Locale }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en-US' },
];

/** 中文 / English; the choice is remembered in this browser. */
export function LocaleSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      aria-label={t('layout.language')}
      data-testid="locale-toggle"
      size="small"
      options={OPTIONS}
      value={locale}
      onChange={setLocale}
    />
  );
}
