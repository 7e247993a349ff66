import { describe, expect, it } from 'vitest';
import type { Problem } from '@/api/problem';
import { mapProblem } from '@/lib/form-problem';
import { describeProblem, makeTranslate } from '@/lib/i18n';
import {
  categorySuggestions,
  needsVetting,
  VETTING_CHECKS,
  VETTING_PROBLEMS,
  vettingBody,
  vettingCheckLabel,
  vettingChecksText,
  vettingError,
  vettingLabel,
} from './labels';

const zh = makeTranslate('zh-CN');
const en = makeTranslate('en-US');

describe('categorySuggestions', () => {
  it('suggests 德智体美劳 first, then the categories the school already uses, once each', () => {
    expect(categorySuggestions(['体', '科技', '科技', ' 非遗 ', ''])).toEqual([
      '德',
      '智',
      '体',
      '美',
      '劳',
      '科技',
      '非遗',
    ]);
  });
});

describe('vetting labels', () => {
  it('names every check in both locales', () => {
    expect(VETTING_CHECKS.map((c) => vettingCheckLabel(zh, c))).toEqual([
      '无犯罪记录查询',
      '资质证书',
      '健康证明',
      '安全培训',
      '合作协议',
    ]);
    for (const c of VETTING_CHECKS) expect(vettingCheckLabel(en, c)).not.toBe(c);
  });

  it('shows an unknown check as the server sent it', () => {
    expect(vettingCheckLabel(zh, 'fingerprints')).toBe('fingerprints');
  });

  it('lists the checks once each in the form’s order', () => {
    expect(vettingChecksText(zh, ['health_certificate', 'no_criminal_record', 'health_certificate'])).toBe(
      '无犯罪记录查询、健康证明',
    );
    expect(vettingChecksText(zh, ['fingerprints', 'agreement'])).toBe('合作协议、fingerprints');
    expect(vettingChecksText(zh, [])).toBe('');
  });

  it('names the statuses', () => {
    expect(vettingLabel(zh, 'pending')).toBe('待审核');
    expect(vettingLabel(zh, 'approved')).toBe('已通过');
    expect(vettingLabel(zh, 'rejected')).toBe('未通过');
  });
});

describe('vettingError', () => {
  it('refuses an approval without the criminal-record check', () => {
    expect(vettingError('approved', [])).toBe('criminal_record_required');
    expect(vettingError('approved', undefined)).toBe('criminal_record_required');
    expect(vettingError('approved', ['qualification', 'health_certificate'])).toBe('criminal_record_required');
  });

  it('accepts an approval with it, and a rejection with any checks', () => {
    expect(vettingError('approved', ['no_criminal_record'])).toBeNull();
    expect(vettingError('rejected', [])).toBeNull();
    expect(vettingError('rejected', ['qualification'])).toBeNull();
    expect(vettingError(undefined, [])).toBeNull();
  });
});

describe('vettingBody', () => {
  it('sends the checks once each in the form’s order and a trimmed note', () => {
    expect(
      vettingBody('approved', ['health_certificate', 'no_criminal_record', 'health_certificate'], ' 证明编号 123 '),
    ).toEqual({
      decision: 'approved',
      checks: ['no_criminal_record', 'health_certificate'],
      note: '证明编号 123',
    });
  });

  it('sends no note when it is blank', () => {
    expect(vettingBody('rejected', [], '   ').note).toBeNull();
    expect(vettingBody('rejected', [], undefined).note).toBeNull();
  });
});

describe('needsVetting', () => {
  it('is true only for an external teacher', () => {
    expect(needsVetting({ external_teacher: '王老师' })).toBe(true);
    expect(needsVetting({ external_teacher: null })).toBe(false);
    expect(needsVetting({})).toBe(false);
  });
});

describe('the server’s vetting problems', () => {
  const problem = (field: string, code: string): Problem => ({
    type: 'https://kehou.dev/problems/validation_failed',
    title: 'Unprocessable Entity',
    status: 422,
    detail: 'invalid fields: checks',
    code: 'validation_failed',
    errors: [{ field, code, message: 'an approval needs the criminal-record check (no_criminal_record)' }],
  });

  it('puts criminal_record_required under the checks, in words', () => {
    expect(mapProblem(zh, problem('checks', 'criminal_record_required'), VETTING_PROBLEMS)).toEqual({
      fields: [{ name: 'checks', errors: ['审核通过须完成无犯罪记录查询'] }],
      alert: false,
    });
  });

  it('explains an unvetted club and a staff teacher’s club', () => {
    const unvetted: Problem = {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: '',
      code: 'club.teacher_not_vetted',
    };
    expect(describeProblem(zh, unvetted).message).toBe('所选社团的外聘教师尚未通过学校审核备案，暂不能选报');
    expect(describeProblem(en, unvetted).message).toMatch(/not been vetted/);
    const staff: Problem = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: '',
      code: 'club.no_external_teacher',
    };
    expect(describeProblem(zh, staff).message).toBe('本校教师指导的社团无需审核备案');
  });
});
