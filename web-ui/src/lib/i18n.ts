/**
 * A small message lookup: zh-CN first, English available. Messages live in src/locales per area;
 * `{name}` placeholders are filled from `vars`.
 */
import { createContext, useContext } from 'react';
import type { Problem } from '@/api/problem';
import { DEFAULT_LOCALE, messages, type Locale, type MessageKey } from '@/locales';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in messages[DEFAULT_LOCALE];
}

export function makeTranslate(locale: Locale): Translate {
  const table = messages[locale];
  return (key, vars) => format(table[key], vars);
}

/** A wait of `seconds`, rounded up to whole minutes from a minute on: "30 秒", "2 分钟". */
export function formatWait(t: Translate, seconds: number): string {
  if (seconds < 60) return t('problem.wait_seconds', { n: Math.max(1, Math.ceil(seconds)) });
  return t('problem.wait_minutes', { n: Math.ceil(seconds / 60) });
}

/**
 * What to show for a Problem: the locale's text for its code, else the server's detail (or
 * title). The server writes English, so its detail is not repeated under a translated message.
 * With the answer's `Retry-After` (seconds), a code with a `…_wait` message says how long to wait.
 */
export function describeProblem(t: Translate, problem: Problem, retryAfter?: number | null): { message: string } {
  const key = `problem.${problem.code}`;
  const waitKey = `${key}_wait`;
  if (retryAfter != null && retryAfter > 0 && isMessageKey(waitKey)) {
    return { message: t(waitKey, { wait: formatWait(t, retryAfter) }) };
  }
  return { message: isMessageKey(key) ? t(key) : problem.detail || problem.title };
}

export type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
};

export const I18nContext = createContext<I18n>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
  t: makeTranslate(DEFAULT_LOCALE),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
