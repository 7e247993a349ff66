import { describe, expect, it } from 'vitest';
import type { Problem } from '@/api/problem';
import { makeTranslate } from './i18n';
import { mapProblem } from './form-problem';

const t = makeTranslate('zh-CN');
const invalid = (errors: Problem['errors']): Problem => ({
  type: 'https://kehou.dev/problems/validation_failed',
  title: 'Unprocessable Entity',
  status: 422,
  detail: 'invalid fields',
  code: 'validation_failed',
  errors,
});

describe('mapProblem', () => {
  it('puts each field error under its field, in the locale', () => {
    const problem = invalid([
      { field: 'grade', code: 'range', message: 'grade must be between 1 and 9' },
      { field: 'homeroom_id', code: 'grade_mismatch', message: 'the homeroom is grade 1' },
    ]);
    const shown = mapProblem(t, problem, { fields: ['grade', 'homeroom_id', 'name'] });
    expect(shown).toEqual({
      fields: [
        { name: 'grade', errors: ['超出允许的范围'] },
        { name: 'homeroom_id', errors: ['所选行政班不属于该年级'] },
      ],
      alert: false,
    });
  });

  it('keeps the server message for an unknown code and lands list items on their list', () => {
    const problem = invalid([{ field: 'holidays[2]', code: 'weird', message: 'the holiday is odd' }]);
    expect(mapProblem(t, problem, { fields: ['holidays'] }).fields).toEqual([
      { name: 'holidays', errors: ['the holiday is odd'] },
    ]);
  });

  it('lands an error of a Form.List item on that item field', () => {
    const problem = invalid([
      { field: 'offerings[1].end_time', code: 'range', message: 'x' },
      { field: 'offerings', code: 'length', message: 'y' },
    ]);
    expect(mapProblem(t, problem, { fields: ['offerings'], lists: ['offerings'] }).fields).toEqual([
      { name: ['offerings', 1, 'end_time'], errors: ['超出允许的范围'] },
      { name: 'offerings', errors: ['长度不符合要求'] },
    ]);
  });

  it('lands an error of a nested Form.List item on that item field', () => {
    const problem = invalid([{ field: 'offerings[0].segments[1].start_time', code: 'range', message: 'x' }]);
    expect(mapProblem(t, problem, { fields: ['offerings'], lists: ['offerings'] }).fields).toEqual([
      { name: ['offerings', 0, 'segments', 1, 'start_time'], errors: ['超出允许的范围'] },
    ]);
  });

  it('lands an error of an object entry on the field of its key', () => {
    const problem = invalid([
      { field: 'makeup_timetable.2026-10-10', code: 'range', message: 'x' },
      { field: 'makeup_timetable', code: 'weird', message: 'y' },
    ]);
    const shown = mapProblem(t, problem, {
      fields: ['makeup_workdays'],
      records: ['makeup_timetable'],
      aliases: { makeup_timetable: 'makeup_workdays' },
    });
    expect(shown).toEqual({
      fields: [
        { name: ['makeup_timetable', '2026-10-10'], errors: ['超出允许的范围'] },
        { name: 'makeup_workdays', errors: ['y'] },
      ],
      alert: false,
    });
  });

  it('follows aliases and still alerts for fields the form does not have', () => {
    const problem = invalid([
      { field: 'end_date', code: 'range', message: 'x' },
      { field: 'body', code: 'invalid', message: 'y' },
    ]);
    const shown = mapProblem(t, problem, { fields: ['dates'], aliases: { end_date: 'dates' } });
    expect(shown.fields).toEqual([{ name: 'dates', errors: ['超出允许的范围'] }]);
    expect(shown.alert).toBe(true);
  });

  it('shows a conflict about one value under that field', () => {
    const problem: Problem = { ...invalid(null), status: 409, code: 'student.duplicate_number' };
    const shown = mapProblem(t, problem, {
      fields: ['student_no'],
      codeFields: { 'student.duplicate_number': 'student_no' },
    });
    expect(shown).toEqual({ fields: [{ name: 'student_no', errors: ['学号已存在'] }], alert: false });
  });

  it('alerts for a problem without fields (412: changed by someone else)', () => {
    const problem: Problem = { ...invalid(null), status: 412, code: 'precondition_failed' };
    expect(mapProblem(t, problem, { fields: ['name'] })).toEqual({ fields: [], alert: true });
  });
});
