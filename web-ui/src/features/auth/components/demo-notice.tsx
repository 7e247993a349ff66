import { Alert } from 'antd';
import { useT } from '@/lib/i18n';
import { useInstance } from '../api/instance';

/**
 * 演示数据: on a server holding the demo school, whose account passwords are public, nobody
 * should sign in to enter real pupils' data. Shows nothing until the server has said so.
 */
export function DemoNotice() {
  const t = useT();
  const instance = useInstance();
  if (!instance.data?.demo_data) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="demo-notice"
      message={t('auth.demo_title')}
      description={t('auth.demo_text')}
      style={{ marginBottom: 16 }}
    />
  );
}
