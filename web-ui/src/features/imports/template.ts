/** The roster file's columns, in order, as the server reads them (Chinese headers). */
export const IMPORT_COLUMNS = [
  '学号',
  '姓名',
  '性别',
  '年级',
  '班级',
  '监护人姓名',
  '监护人电话',
  '关系',
  '标记',
] as const;

const EXAMPLE_ROW = ['20260301', '张小明', '男', '3', '1班', '张伟', '13800001234', '父亲', ''];

/** A CSV template with a BOM so that Excel opens the UTF-8 text correctly. */
export function templateCsv(): Blob {
  const text = `${IMPORT_COLUMNS.join(',')}\r\n${EXAMPLE_ROW.join(',')}\r\n`;
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

export function isRosterFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name);
}
