import { Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd';
import type { Guardian, PickupPerson, SchoolId, Student } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { gradeLabel } from '@/lib/grade';
import { useT } from '@/lib/i18n';
import { useStudentGuardians, useStudentPickupPersons } from '../api/get-student-contacts';
import { flagLabel, genderLabel } from '../labels';

type StudentDetailDrawerProps = {
  schoolId: SchoolId;
  student: Student | undefined;
  /** Guardians and pickup persons are shown only to roles that hand children over. */
  showContacts: boolean;
  onClose: () => void;
};

type Contact = Guardian | PickupPerson;

function ContactsTable({ rows, loading, testId }: { rows: Contact[]; loading: boolean; testId: string }) {
  const t = useT();
  return (
    <div data-testid={testId}>
      <Table<Contact>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('person.name'), dataIndex: 'name' },
          { title: t('person.relation'), dataIndex: 'relation' },
          { title: t('person.phone'), dataIndex: 'phone' },
        ]}
      />
    </div>
  );
}

export function StudentDetailDrawer({ schoolId, student, showContacts, onClose }: StudentDetailDrawerProps) {
  const t = useT();
  const open = student !== undefined;
  const guardians = useStudentGuardians(schoolId, student?.id, open && showContacts);
  const pickup = useStudentPickupPersons(schoolId, student?.id, open && showContacts);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={student ? `${student.name}（${student.student_no}）` : t('student.detail')}
      width="min(560px, 100vw)"
      destroyOnHidden
      data-testid="student-detail"
    >
      {student && (
        <div data-testid="student-detail-body">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('student.student_no')}>{student.student_no}</Descriptions.Item>
            <Descriptions.Item label={t('student.name')}>{student.name}</Descriptions.Item>
            <Descriptions.Item label={t('student.gender')}>{genderLabel(t, student.gender)}</Descriptions.Item>
            <Descriptions.Item label={t('student.grade')}>{gradeLabel(t, student.grade)}</Descriptions.Item>
            <Descriptions.Item label={t('student.homeroom')}>{student.homeroom_name}</Descriptions.Item>
            <Descriptions.Item label={t('student.flags')}>
              {student.flags.length ? student.flags.map((f) => <Tag key={f}>{flagLabel(t, f)}</Tag>) : t('common.none')}
            </Descriptions.Item>
          </Descriptions>
          {showContacts && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
                {t('student.guardians')}
              </Typography.Title>
              <ProblemAlert error={guardians.error} testId="student-guardians-error" />
              <ContactsTable
                testId="student-guardians"
                rows={guardians.data?.items ?? []}
                loading={guardians.isLoading}
              />
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
                {t('student.pickup_persons')}
              </Typography.Title>
              <ProblemAlert error={pickup.error} testId="student-pickup-persons-error" />
              <ContactsTable
                testId="student-pickup-persons"
                rows={pickup.data?.items ?? []}
                loading={pickup.isLoading}
              />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
