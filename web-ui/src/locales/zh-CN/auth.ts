export default {
  'auth.title': '登录',
  'auth.subtitle': '学校课后服务管理平台',
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.username_required': '请输入用户名',
  'auth.password_required': '请输入密码',
  'auth.submit': '登录',
  'auth.failed': '登录失败',
} as const;
