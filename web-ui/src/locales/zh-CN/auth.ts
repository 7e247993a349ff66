export default {
  'auth.title': '登录',
  'auth.subtitle': '学校课后服务管理平台',
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.username_required': '请输入用户名',
  'auth.password_required': '请输入密码',
  'auth.submit': '登录',
  'auth.failed': '登录失败',
  'auth.guardian_activate': '家长首次登录/激活',
  'auth.guardian_hint': '家长激活后用手机号和密码登录',
} as const;
