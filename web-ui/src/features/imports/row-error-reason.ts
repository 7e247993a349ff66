/**
 * Why a row of a roster file was refused, in the UI's language. The server's `message` is
 * English; the reason is rebuilt from the stable `code` and the field the column fills, and the
 * server's words are kept only for codes the UI does not know.
 *
 * The error names the column as the file has it (学生姓名, 手机号码 …): the dry run's mapping says
 * which field that is. Without a mapping (an older job), the template's own headers are known.
 */
import type { ColumnMapping, ImportRowError } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

/** The template's headers and the field each fills, for errors without a mapping. */
const TEMPLATE_KEYS: Readonly<Record<string, string>> = {
  学号: 'student_no',
  全国学籍号: 'national_no',
  姓名: 'name',
  性别: 'gender',
  年级: 'grade',
  班级: 'homeroom',
  监护人姓名: 'guardian_name',
  监护人电话: 'guardian_phone',
  关系: 'relation',
  标记: 'flags',
};

/** Fields with their own wording for `invalid` (the rule the cell broke). */
const INVALID_BY_KEY: Readonly<Record<string, string>> = {
  student_no: 'import.reason.invalid.student_no',
  national_no: 'import.reason.invalid.national_no',
  name: 'import.reason.invalid.name',
  gender: 'import.reason.invalid.gender',
  grade: 'import.reason.invalid.grade',
  homeroom: 'import.reason.invalid.homeroom',
  guardian_phone: 'import.reason.invalid.guardian_phone',
  flags: 'import.reason.invalid.flag',
};

/** The field a file column fills (`guardian_phone`, `flag.migrant` …), if known. */
function fieldKey(column: string, mapping: readonly ColumnMapping[]): string | undefined {
  return mapping.find((m) => m.column === column)?.key ?? TEMPLATE_KEYS[column];
}

/** The first row a duplicate 学号 appeared in, from "学号 X already appears in row 3". */
function firstRow(message: string): string | undefined {
  return /\brow (\d+)/.exec(message)?.[1];
}

export function rowErrorReason(
  t: Translate,
  error: Pick<ImportRowError, 'column' | 'code' | 'message' | 'row'>,
  mapping: readonly ColumnMapping[] = [],
) {
  const column = error.column;
  const key = column ? fieldKey(column, mapping) : undefined;
  switch (error.code) {
    case 'required':
      return key === 'guardian_name'
        ? t('import.reason.required.guardian_name')
        : column
          ? t('import.reason.required', { column })
          : error.message;
    case 'invalid': {
      const message = key?.startsWith('flag.') ? 'import.reason.invalid.yes_no' : key && INVALID_BY_KEY[key];
      if (message && isMessageKey(message)) return t(message, { column });
      return column ? t('import.reason.invalid', { column }) : error.message;
    }
    case 'duplicate': {
      const row = firstRow(error.message);
      return row ? t('import.reason.duplicate_of', { column, row }) : t('import.reason.duplicate', { column });
    }
    case 'missing_column':
      return t('import.reason.missing_column', { column });
    case 'empty':
      // Row 1: nothing at all; row 2: a header without data rows.
      return error.row <= 1 ? t('import.reason.empty_file') : t('import.reason.no_rows');
    case 'unreadable':
      return t('import.reason.unreadable');
    case 'internal':
      return t('import.reason.internal');
    default: {
      // A commit refused as a whole carries a problem code (e.g. student.duplicate_number).
      const problem = `problem.${error.code}`;
      return isMessageKey(problem) ? t(problem) : error.message;
    }
  }
}
