import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from './download';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 extended form', () => {
    const header = `attachment; filename="students.xlsx"; filename*=UTF-8''%E5%AD%A6%E7%94%9F.xlsx`;
    expect(fileNameFromDisposition(header, 'x.xlsx')).toBe('学生.xlsx');
  });

  it('reads the plain form', () => {
    expect(fileNameFromDisposition('attachment; filename="students.xlsx"', 'x')).toBe('students.xlsx');
  });

  it('falls back without a header', () => {
    expect(fileNameFromDisposition(null, '学生名单.xlsx')).toBe('学生名单.xlsx');
  });
});
