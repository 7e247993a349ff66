import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useStudentPickupPersons } from '@/api/pickup-persons';
import { ApiError } from '@/api/problem';
import type { Guardian, PickupPerson, SchoolId, StudentId } from '@/api/types';
import { ProblemAlert } from '@/components/problem-alert';
import { dateTime } from '@/lib/date-time';
import { describeProblem, useT, type Translate } from '@/lib/i18n';
import { useCreatePickupPerson } from '../api/create-pickup-person';
import { useDeletePickupPerson } from '../api/delete-pickup-person';
import { useStudentGuardians } from '../api/get-student-guardians';
import { useIssueActivationCode } from '../api/issue-activation-code';
import { useLinkGuardian } from '../api/link-guardian';
import { ContactFormModal } from './contact-form-modal';

type Contact = Guardian | PickupPerson;

function contactColumns(t: Translate): NonNullable<TableProps<Contact>['columns']> {
  return [
    { title: t('person.name'), dataIndex: 'name' },
    { title: t('person.relation'), dataIndex: 'relation' },
    {
      title: t('person.phone'),
      dataIndex: 'phone',
      render: (phone: string) => <span data-testid="contact-phone">{phone}</span>,
    },
  ];
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Flex justify="space-between" align="center" style={{ marginTop: 24, marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
        {action}
      </Flex>
      {children}
    </section>
  );
}

function errorText(t: Translate, error: unknown): string {
  return error instanceof ApiError ? describeProblem(t, error.problem).message : String(error);
}

type StudentContactsProps = {
  schoolId: SchoolId;
  studentId: StudentId;
  /** Roles that may change the roster add guardians and add or remove pickup persons. */
  canEdit: boolean;
};

/** 监护人 and 授权接送人 of one student (phones masked by the server for roles that need no contact). */
export function StudentContacts({ schoolId, studentId, canEdit }: StudentContactsProps) {
  const t = useT();
  const { message, modal } = App.useApp();
  const guardians = useStudentGuardians(schoolId, studentId, true);
  const issueCode = useIssueActivationCode(schoolId);
  const pickup = useStudentPickupPersons(schoolId, studentId);
  const link = useLinkGuardian(schoolId, studentId);
  const addPickup = useCreatePickupPerson(schoolId, studentId);
  const removePickup = useDeletePickupPerson(schoolId, studentId);
  const [adding, setAdding] = useState<'guardian' | 'pickup_person'>();

  const columns = contactColumns(t);
  /** 家长端: whether the guardian has a portal login; admins issue the activation code to hand over. */
  const guardianColumns: TableProps<Contact>['columns'] = canEdit
    ? [
        ...columns,
        {
          title: t('guardian.portal'),
          key: 'portal',
          render: (_, person) =>
            'activated' in person && person.activated ? (
              <Tag color="green">{t('guardian.activated')}</Tag>
            ) : (
              <Button
                size="small"
                icon={<KeyOutlined />}
                loading={issueCode.isPending && issueCode.variables === person.id}
                data-testid="guardian-activation-code"
                onClick={() =>
                  issueCode.mutate(person.id, {
                    onSuccess: (code) =>
                      void modal.info({
                        title: t('guardian.code_title', { name: person.name }),
                        content: (
                          <div data-testid="activation-code">
                            <Typography.Title level={2} copyable style={{ letterSpacing: 4, margin: '8px 0' }}>
                              {code.code}
                            </Typography.Title>
                            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                              {t('guardian.code_hint', { phone: person.phone, until: dateTime(code.expires_at) })}
                            </Typography.Paragraph>
                          </div>
                        ),
                      }),
                    onError: (error) => void message.error(errorText(t, error)),
                  })
                }
              >
                {t('guardian.issue_code')}
              </Button>
            ),
        },
      ]
    : columns;
  const pickupColumns: TableProps<Contact>['columns'] = canEdit
    ? [
        ...columns,
        {
          title: t('common.actions'),
          key: 'actions',
          width: 80,
          render: (_, person) => (
            <Popconfirm
              title={t('pickup_person.remove_confirm', { name: person.name })}
              okButtonProps={{ danger: true }}
              onConfirm={() =>
                removePickup.mutate(person.id, {
                  onSuccess: () => void message.success(t('common.removed')),
                  onError: (error) => void message.error(errorText(t, error)),
                })
              }
            >
              <Button type="link" danger size="small" data-testid="pickup-person-remove">
                {t('common.remove')}
              </Button>
            </Popconfirm>
          ),
        },
      ]
    : columns;

  const addButton = (kind: 'guardian' | 'pickup_person') =>
    canEdit ? (
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => setAdding(kind)}
        data-testid={kind === 'guardian' ? 'guardian-add' : 'pickup-person-add'}
      >
        {t(kind === 'guardian' ? 'guardian.add' : 'pickup_person.add')}
      </Button>
    ) : undefined;

  return (
    <>
      <Section title={t('student.guardians')} action={addButton('guardian')}>
        <ProblemAlert error={guardians.error} testId="student-guardians-error" />
        <div data-testid="student-guardians">
          <Table<Contact>
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            loading={guardians.isLoading}
            dataSource={guardians.data?.items ?? []}
            columns={guardianColumns}
          />
        </div>
      </Section>
      <Section title={t('student.pickup_persons')} action={addButton('pickup_person')}>
        <ProblemAlert error={pickup.error} testId="student-pickup-persons-error" />
        <div data-testid="student-pickup-persons">
          <Table<Contact>
            rowKey="id"
            size="small"
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            loading={pickup.isLoading}
            dataSource={pickup.data?.items ?? []}
            columns={pickupColumns}
          />
        </div>
      </Section>
      <ContactFormModal
        open={adding === 'guardian'}
        title={t('guardian.add')}
        testId="guardian-form"
        submitting={link.isPending}
        onClose={() => setAdding(undefined)}
        onSubmit={(values, handlers) =>
          link.mutate(values, {
            onSuccess: () => {
              void message.success(t('guardian.added', { name: values.name }));
              handlers.onSuccess();
            },
            onError: handlers.onError,
          })
        }
      />
      <ContactFormModal
        open={adding === 'pickup_person'}
        title={t('pickup_person.add')}
        testId="pickup-person-form"
        submitting={addPickup.isPending}
        onClose={() => setAdding(undefined)}
        onSubmit={(values, handlers) =>
          addPickup.mutate(values, {
            onSuccess: (person) => {
              void message.success(t('pickup_person.added', { name: person.name }));
              handlers.onSuccess();
            },
            onError: handlers.onError,
          })
        }
      />
    </>
  );
}
