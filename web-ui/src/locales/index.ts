/** Messages per locale, merged from one file per area. zh-CN is the source of the keys. */
import enAccounts from './en-US/accounts';
import enApplications from './en-US/applications';
import enAudit from './en-US/audit';
import enAuth from './en-US/auth';
import enCommon from './en-US/common';
import enDistrict from './en-US/district';
import enImports from './en-US/imports';
import enIntegration from './en-US/integration';
import enMenu from './en-US/menu';
import enPortal from './en-US/portal';
import enProblem from './en-US/problem';
import enRoster from './en-US/roster';
import zhAccounts from './zh-CN/accounts';
import zhApplications from './zh-CN/applications';
import zhAudit from './zh-CN/audit';
import zhAuth from './zh-CN/auth';
import zhCommon from './zh-CN/common';
import zhDistrict from './zh-CN/district';
import zhImports from './zh-CN/imports';
import zhIntegration from './zh-CN/integration';
import zhMenu from './zh-CN/menu';
import zhPortal from './zh-CN/portal';
import zhProblem from './zh-CN/problem';
import zhRoster from './zh-CN/roster';

const zhCN = {
  ...zhCommon,
  ...zhMenu,
  ...zhAuth,
  ...zhRoster,
  ...zhImports,
  ...zhAudit,
  ...zhApplications,
  ...zhPortal,
  ...zhIntegration,
  ...zhDistrict,
  ...zhAccounts,
  ...zhProblem,
};

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const enUS: Messages = {
  ...enCommon,
  ...enMenu,
  ...enAuth,
  ...enRoster,
  ...enImports,
  ...enAudit,
  ...enApplications,
  ...enPortal,
  ...enIntegration,
  ...enDistrict,
  ...enAccounts,
  ...enProblem,
};

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const messages: Record<Locale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };
