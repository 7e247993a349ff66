import { Tag } from 'antd';
import { useT } from '@/lib/i18n';
import { loginStatusColor, loginStatusLabel } from '@/lib/login-status';

/** 未开通 / 已邀请 / 已启用 / 已停用, for school and district staff alike. */
export function LoginStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag color={loginStatusColor(status)} data-testid="login-status" data-status={status}>
      {loginStatusLabel(t, status)}
    </Tag>
  );
}
