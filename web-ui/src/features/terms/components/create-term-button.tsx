import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { SchoolId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { TermFormModal } from './term-form-modal';

export function CreateTermButton({ schoolId }: { schoolId: SchoolId }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="terms-create">
        {t('term.create')}
      </Button>
      <TermFormModal schoolId={schoolId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
