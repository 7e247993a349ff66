import type zh from '../zh-CN/auth';

const auth: Record<keyof typeof zh, string> = {
  'auth.title': 'Sign in',
  'auth.subtitle': 'After-school service management for schools',
  'auth.username': 'Username or phone',
  'auth.password': 'Password',
  'auth.username_required': 'Please enter your username',
  'auth.password_required': 'Please enter your password',
  'auth.submit': 'Sign in',
  'auth.failed': 'Sign-in failed',
  'auth.guardian_activate': 'Parents: first sign-in / activate',
  'auth.guardian_hint': 'After activating, parents sign in with their phone number',
  'auth.demo_title': 'Demo data',
  'auth.demo_text':
    "This server holds a demo school whose account passwords are public; do not enter real pupils' data.",
  'auth.session_unreachable': 'Cannot reach the server to resume your last session',
};
export default auth;
