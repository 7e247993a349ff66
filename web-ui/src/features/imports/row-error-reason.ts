/**
 * Why a row of a roster file was refused, in the UI's language. The server's `message` is
 * English; the reason is rebuilt from the stable (`column`, `code`) pair and the server's words
 * are kept only for pairs the UI does not know.
 */
import type { ImportRowError } from '@/api/types';
import { isMessageKey, type Translate } from '@/lib/i18n';

/** Columns with their own wording for `invalid` (the rule the cell broke). */
const INVALID_BY_COLUMN: Readonly<Record<string, string>> = {
  学号: 'import.reason.invalid.student_no',
  姓名: 'import.reason.invalid.name',
  性别: 'import.reason.invalid.gender',
  年级: 'import.reason.invalid.grade',
  班级: 'import.reason.invalid.homeroom',
  监护人电话: 'import.reason.invalid.guardian_phone',
  标记: 'import.reason.invalid.flag',
};

/** The first row a duplicate 学号 appeared in, from "学号 X already appears in row 3". */
function firstRow(message: string): string | undefined {
  return /\brow (\d+)/.exec(message)?.[1];
}

export function rowErrorReason(t: Translate, error: Pick<ImportRowError, 'column' | 'code' | 'message' | 'row'>) {
  const column = error.column;
  switch (error.code) {
    case 'required':
      return column === '监护人姓名'
        ? t('import.reason.required.guardian_name')
        : column
          ? t('import.reason.required', { column })
          : error.message;
    case 'invalid': {
      const key = INVALID_BY_COLUMN[column];
      if (key && isMessageKey(key)) return t(key);
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
      const key = `problem.${error.code}`;
      return isMessageKey(key) ? t(key) : error.message;
    }
  }
}
