export default {
  'menu.roster': '花名册',
  'menu.students': '学生',
  'menu.homerooms': '行政班',
  'menu.staff': '教职工',
  'menu.rooms': '教室/场地',
  'menu.terms': '学期',
  'menu.imports': '导入',
  'menu.admin': '管理',
  'menu.audit': '审计日志',
} as const;
