import { ConfigProvider, type ThemeConfig } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@/locales';
import { antdLocales } from './antd-locale';
import { I18nContext, makeTranslate, type I18n } from './i18n';

const STORAGE_KEY = 'kehou.locale';

/** School green. AntD derives greyish tints from a dark seed, so the light ones are set here. */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f7a5c',
    colorLink: '#1f7a5c',
    colorPrimaryBg: '#e6f2ed',
    colorPrimaryBgHover: '#d3e9df',
    colorPrimaryBorder: '#a8d3c1',
  },
};

const dayjsLocales = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

/** dayjs's locale is global, so set it before anything renders a date. */
function applyLocale(locale: Locale): Locale {
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
  return locale;
}

function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return applyLocale(LOCALES.find((l) => l === stored) ?? DEFAULT_LOCALE);
}

/** Provides messages, AntD's locale and dayjs's locale; zh-CN unless the user switched. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(applyLocale(next));
  }, []);

  const value = useMemo<I18n>(() => ({ locale, setLocale, t: makeTranslate(locale) }), [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]} theme={THEME} button={{ autoInsertSpace: false }}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
