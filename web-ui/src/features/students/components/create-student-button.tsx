import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import type { SchoolId } from '@/api/types';
import { useT } from '@/lib/i18n';
import { StudentFormModal, type HomeroomFieldRenderer } from './student-form-modal';

/** 新增学生: a button and its form (for roles that may edit the roster). */
export function CreateStudentButton({
  schoolId,
  renderHomeroomField,
}: {
  schoolId: SchoolId;
  renderHomeroomField: HomeroomFieldRenderer;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="students-create">
        {t('student.create')}
      </Button>
      <StudentFormModal
        schoolId={schoolId}
        open={open}
        renderHomeroomField={renderHomeroomField}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
