/** The roster file's columns, in order, as the template has them (the server also knows variants: 学生姓名, 班级名称, …). */
export const IMPORT_COLUMNS = [
  '学号',
  '全国学籍号',
  '姓名',
  '性别',
  '年级',
  '班级',
  '监护人姓名',
  '监护人电话',
  '关系',
  '标记',
] as const;

/** The name the template is saved under when the server names none. */
export const TEMPLATE_FILE_NAME = '花名册导入模板.xlsx';

export function isRosterFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name);
}
