import { describe, expect, it } from 'vitest';
import { makeTranslate } from './i18n';
import { loginActions, loginStatusColor, loginStatusLabel } from './login-status';

const t = makeTranslate('zh-CN');

describe('loginStatusLabel', () => {
  it('names every status the API sends', () => {
    expect(loginStatusLabel(t, 'none')).toBe('未开通');
    expect(loginStatusLabel(t, 'invited')).toBe('已邀请');
    expect(loginStatusLabel(t, 'active')).toBe('已启用');
    expect(loginStatusLabel(t, 'disabled')).toBe('已停用');
  });

  it('shows a status it does not know as sent', () => {
    expect(loginStatusLabel(t, 'locked')).toBe('locked');
    expect(loginStatusColor('locked')).toBe('default');
  });

  it('has English words too', () => {
    expect(loginStatusLabel(makeTranslate('en-US'), 'invited')).toBe('Invited');
  });
});

describe('loginActions', () => {
  it('offers nothing without a login', () => {
    expect(loginActions('none')).toEqual({ reissue: false, disable: false, enable: false });
  });

  it('re-invites and disables an invited or active login', () => {
    expect(loginActions('invited')).toEqual({ reissue: true, disable: true, enable: false });
    expect(loginActions('active')).toEqual({ reissue: true, disable: true, enable: false });
  });

  it('only enables a disabled login', () => {
    expect(loginActions('disabled')).toEqual({ reissue: false, disable: false, enable: true });
  });
});
