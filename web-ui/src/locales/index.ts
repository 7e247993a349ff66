/** Messages per locale, merged from one file per area. zh-CN is the source of the keys. */
import enAudit from './en-US/audit';
import enAuth from './en-US/auth';
import enCommon from './en-US/common';
import enImports from './en-US/imports';
import enMenu from './en-US/menu';
import enProblem from './en-US/problem';
import enRoster from './en-US/roster';
import zhAudit from './zh-CN/audit';
import zhAuth from './zh-CN/auth';
import zhCommon from './zh-CN/common';
import zhImports from './zh-CN/imports';
import zhMenu from './zh-CN/menu';
import zhProblem from './zh-CN/problem';
import zhRoster from './zh-CN/roster';

const zhCN = { ...zhCommon, ...zhMenu, ...zhAuth, ...zhRoster, ...zhImports, ...zhAudit, ...zhProblem };

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const enUS: Messages = { ...enCommon, ...enMenu, ...enAuth, ...enRoster, ...enImports, ...enAudit, ...enProblem };

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };
