/**
 * AntD's own texts (Table's empty text, Pagination, DatePicker, Modal and Popconfirm buttons)
 * per UI locale.
 *
 * `antd/locale/zh_CN` is a CommonJS file whose locale is `exports.default`. Vite 8's Rolldown
 * build follows Node's interop and hands the whole `module.exports` to a default import, so the
 * locale hid under `.default`, ConfigProvider got no texts and AntD fell back to English
 * ("No data") although the UI was zh-CN. Vitest and the dev server unwrap it; this works with both.
 */
import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/locale/en_US';
import zhCNModule from 'antd/locale/zh_CN';
import type { Locale } from '@/locales';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;
type MaybeWrapped = AntdLocale | { default: AntdLocale };

/** The locale object, whether the bundler gave it directly or wrapped in `{ default }`. */
export function unwrapAntdLocale(module: MaybeWrapped): AntdLocale {
  return 'locale' in module ? module : module.default;
}

export const antdLocales: Readonly<Record<Locale, AntdLocale>> = {
  'zh-CN': unwrapAntdLocale(zhCNModule),
  'en-US': unwrapAntdLocale(enUSModule),
};
