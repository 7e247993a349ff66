import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { DISTRICT_ROLES, districtRoleLabel } from './district-role';

describe('districtRoleLabel', () => {
  it('names the district roles for the office', () => {
    const t = makeTranslate('zh-CN');
    expect(DISTRICT_ROLES.map((r) => districtRoleLabel(t, r))).toEqual(['区管理员', '区督导（只读）']);
    expect(districtRoleLabel(t, 'auditor')).toBe('auditor');
  });
});
