import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { rowErrorReason } from './row-error-reason';

const zh = makeTranslate('zh-CN');
const en = makeTranslate('en-US');
const row = (column: string, code: string, message = 'server words', n = 4) => ({ column, code, message, row: n });

describe('rowErrorReason', () => {
  it('explains an invalid 年级 in Chinese', () => {
    expect(rowErrorReason(zh, row('年级', 'invalid', '年级 must be 1–9 (or 一年级…九年级)'))).toBe(
      '年级须为 1–9（或“一年级”…“九年级”）',
    );
  });

  it('names the column of a generic rule', () => {
    expect(rowErrorReason(zh, row('姓名', 'required'))).toBe('“姓名”不能为空');
    expect(rowErrorReason(zh, row('备注', 'invalid'))).toBe('“备注”的值无效');
    expect(rowErrorReason(zh, row('关系', 'missing_column', 'x', 1))).toBe('表头缺少“关系”列');
  });

  it('points a duplicate 学号 at its first row', () => {
    const e = row('学号', 'duplicate', '学号 A1 already appears in row 3');
    expect(rowErrorReason(zh, e)).toBe('“学号”与第 3 行重复');
    expect(rowErrorReason(zh, row('学号', 'duplicate', 'dup'))).toBe('“学号”在文件中重复');
  });

  it('tells an empty file from a file without data rows', () => {
    expect(rowErrorReason(zh, row('', 'empty', 'the file is empty', 1))).toBe('文件是空的');
    expect(rowErrorReason(zh, row('', 'empty', 'the file has no data rows', 2))).toBe('文件中没有数据行');
  });

  it('uses the problem text of a refused commit and falls back to the server message', () => {
    expect(rowErrorReason(zh, row('', 'student.duplicate_number', 'nothing was imported', 0))).toBe('学号已存在');
    expect(rowErrorReason(zh, row('年级', 'something_new', 'server words'))).toBe('server words');
  });

  it('speaks English in the English locale', () => {
    expect(rowErrorReason(en, row('年级', 'invalid'))).toBe('年级 must be 1–9 (or 一年级…九年级)');
    expect(rowErrorReason(en, row('姓名', 'required'))).toBe('姓名 is required');
  });
});
