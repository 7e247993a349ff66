/**
 * A staff member's login (登录状态) in words, and what may be done with it. School staff and
 * district staff share it: a login is opened by invitation (已邀请), becomes active when the
 * person sets a password (已启用), and can be disabled and enabled again.
 */
import type { LoginStatus } from '@/api/types';
import type { MessageKey } from '@/locales';
import type { Translate } from './i18n';

const LABEL: Record<LoginStatus, MessageKey> = {
  none: 'login.status.none',
  invited: 'login.status.invited',
  active: 'login.status.active',
  disabled: 'login.status.disabled',
};

const COLOR: Record<LoginStatus, string> = {
  none: 'default',
  invited: 'gold',
  active: 'green',
  disabled: 'red',
};

function known(status: string): status is LoginStatus {
  return Object.hasOwn(LABEL, status);
}

/** 未开通 / 已邀请 / 已启用 / 已停用; a status this build does not know is shown as sent. */
export function loginStatusLabel(t: Translate, status: string): string {
  return known(status) ? t(LABEL[status]) : status;
}

export function loginStatusColor(status: string): string {
  return known(status) ? COLOR[status] : 'default';
}

export type LoginActions = {
  /** 重新邀请: a new code (the earlier one stops working), e.g. when the first was lost or expired. */
  reissue: boolean;
  disable: boolean;
  enable: boolean;
};

/**
 * The actions a login offers: a new invitation while it is invited or active (a forgotten
 * password), disabling while it works, enabling once disabled. Without a login there is none.
 */
export function loginActions(status: string): LoginActions {
  return {
    reissue: status === 'invited' || status === 'active',
    disable: status === 'invited' || status === 'active',
    enable: status === 'disabled',
  };
}
