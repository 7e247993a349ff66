import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '@/api/problem';
import { useStudent } from '@/api/students';
import type { SchoolId, Student } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { gradeLabel } from '@/lib/grade';
import { describeProblem, useT } from '@/lib/i18n';
import { useDeleteStudent } from '../api/delete-student';
import { flagLabel, genderLabel } from '../labels';
import { NationalNo } from './national-no';
import { StudentContacts } from './student-contacts';
import { StudentFormModal, type HomeroomFieldRenderer } from './student-form-modal';

type StudentDetailDrawerProps = {
  schoolId: SchoolId;
  /** The row that was clicked: shown at once, then the student is read again for its version. */
  student: Student | undefined;
  /** Guardians and pickup persons are shown only to roles that hand children over. */
  showContacts: boolean;
  /** Edit, delete and contact changes, for roles that may change the roster. */
  renderHomeroomField?: HomeroomFieldRenderer;
  onClose: () => void;
};

export function StudentDetailDrawer({
  schoolId,
  student: row,
  showContacts,
  renderHomeroomField,
  onClose,
}: StudentDetailDrawerProps) {
  const t = useT();
  const { message } = App.useApp();
  const open = row !== undefined;
  const detail = useStudent(schoolId, row?.id, row);
  const student = detail.data ?? row;
  const remove = useDeleteStudent(schoolId);
  const [editing, setEditing] = useState(false);
  const canEdit = renderHomeroomField !== undefined;

  const deleteStudent = (s: Student) =>
    remove.mutateAsync(s).then(
      () => {
        void message.success(t('student.deleted', { name: s.name }));
        onClose();
      },
      (error: unknown) => {
        const shown = error instanceof ApiError ? describeProblem(t, error.problem).message : String(error);
        void message.error(shown);
        // A stale version (412) or a student deleted meanwhile: show what the server has now.
        void detail.refetch();
      },
    );

  const actions =
    canEdit && student ? (
      <Flex gap="small">
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="student-edit">
          {t('common.edit')}
        </Button>
        <Popconfirm
          title={t('student.delete_confirm', { name: student.name })}
          okButtonProps={{ danger: true, 'data-testid': 'student-delete-confirm' }}
          onConfirm={() => void deleteStudent(student)}
          placement="bottomRight"
        >
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="student-delete">
            {t('student.delete')}
          </Button>
        </Popconfirm>
      </Flex>
    ) : undefined;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={student ? `${student.name}（${student.student_no}）` : t('student.detail')}
      extra={actions}
      width="min(600px, 100vw)"
      destroyOnHidden
      data-testid="student-detail"
    >
      {student && (
        <div data-testid="student-detail-body">
          <ProblemAlert error={detail.error} onRetry={() => detail.refetch()} testId="student-detail-error" />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('student.student_no')}>{student.student_no}</Descriptions.Item>
            <Descriptions.Item label={t('student.national_no')}>
              <NationalNo value={student.national_no} testId="student-detail-national-no" />
            </Descriptions.Item>
            <Descriptions.Item label={t('student.name')}>
              <span data-testid="student-detail-name">{student.name}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('student.gender')}>{genderLabel(t, student.gender)}</Descriptions.Item>
            <Descriptions.Item label={t('student.grade')}>{gradeLabel(t, student.grade)}</Descriptions.Item>
            <Descriptions.Item label={t('student.homeroom')}>{student.homeroom_name}</Descriptions.Item>
            <Descriptions.Item label={t('student.flags')}>
              {student.flags.length ? student.flags.map((f) => <Tag key={f}>{flagLabel(t, f)}</Tag>) : t('common.none')}
            </Descriptions.Item>
          </Descriptions>
          {showContacts && <StudentContacts schoolId={schoolId} studentId={student.id} canEdit={canEdit} />}
          {renderHomeroomField && (
            <StudentFormModal
              schoolId={schoolId}
              open={editing}
              student={student}
              renderHomeroomField={renderHomeroomField}
              onClose={() => setEditing(false)}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
