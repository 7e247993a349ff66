import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n';
import { rowErrorReason } from './row-error-reason';

const zh = makeTranslate('zh-CN');
const en = makeTranslate('en-US');
const row = (column: string, code: string, message = 'server words', n = 4) => ({ column, code, message, row: n });

describe('rowErrorReason', () => {
  it('explains an invalid 年级 in Chinese', () => {
    expect(rowErrorReason(zh, row('年级', 'invalid', '年级 must be 1–9 (or 一年级…九年级)'))).toBe(
      '“年级”须为 1–9（或“一年级”…“九年级”、“初一”…“初三”）',
    );
  });

  it('words a column the file names its own way by the field the mapping says it fills', () => {
    const mapping = [
      { column: '手机号码', key: 'guardian_phone', field: '监护人电话' },
      { column: '联系人', key: 'guardian_name', field: '监护人姓名' },
      { column: '是否随迁子女', key: 'flag.migrant', field: '标记：随迁子女（是/否）' },
    ];
    expect(rowErrorReason(zh, row('手机号码', 'invalid'), mapping)).toBe('“手机号码”须为 11 位手机号');
    expect(rowErrorReason(zh, row('联系人', 'required'), mapping)).toBe('填写了监护人电话，须同时填写监护人姓名');
    expect(rowErrorReason(zh, row('是否随迁子女', 'invalid'), mapping)).toBe(
      '“是否随迁子女”须填“是”或“否”（空白为否）',
    );
    expect(rowErrorReason(en, row('手机号码', 'invalid'), mapping)).toBe('手机号码 must be an 11-digit mobile number');
    // Without a mapping only the template's own headers are known.
    expect(rowErrorReason(zh, row('手机号码', 'invalid'))).toBe('“手机号码”的值无效');
    expect(rowErrorReason(zh, row('全国学籍号', 'invalid'))).toBe('“全国学籍号”最多 32 位，只能包含字母和数字');
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
    expect(rowErrorReason(en, row('年级', 'invalid'))).toBe('年级 must be 1–9 (or 一年级…九年级, 初一…初三)');
    expect(rowErrorReason(en, row('姓名', 'required'))).toBe('姓名 is required');
  });
});
