import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Radio } from 'antd';
import { ApiError } from '@/api/problem';
import type { Room, RoomKind, SchoolId } from '@/api/types';
import { FormModal } from '@/components/form-modal';
import { useFormProblem, type ProblemMapping } from '@/lib/form-problem';
import { useT } from '@/lib/i18n';
import { flattenPages } from '@/lib/cursor';
import { useCreateRoom } from '../api/create-room';
import { roomsQueryOptions } from '../api/get-rooms';
import { useUpdateRoom } from '../api/update-room';

type Values = { name: string; capacity: number; kind: RoomKind };

const MAPPING: ProblemMapping = {
  fields: ['name', 'capacity', 'kind'],
  codeFields: { 'conflict.duplicate': 'name' },
};
const KINDS: readonly RoomKind[] = ['indoor', 'outdoor'];

function valuesOf(room: Room): Values {
  return { name: room.name, capacity: room.capacity, kind: room.kind };
}

type RoomFormModalProps = {
  schoolId: SchoolId;
  open: boolean;
  /** Edits this room when set (as the list has it now, so a reload brings the new version). */
  room?: Room;
  onClose: () => void;
};

/** 新增场地 / 编辑场地: name, capacity (1–2000) and indoor or outdoor. */
export function RoomFormModal({ schoolId, open, room, onClose }: RoomFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form, MAPPING);
  const create = useCreateRoom(schoolId);
  const update = useUpdateRoom(schoolId);
  const close = () => {
    problem.clear();
    onClose();
  };
  /** 412: someone else saved first. Load their version (the list has it); the user redoes the change. */
  const reload = async (stale: Room) => {
    const { queryKey } = roomsQueryOptions(schoolId);
    await queryClient.refetchQueries({ queryKey });
    const fresh = flattenPages<Room>(queryClient.getQueryData(queryKey)).find((r) => r.id === stale.id);
    if (fresh) form.setFieldsValue(valuesOf(fresh));
  };
  const onError = (error: unknown) => {
    problem.show(error);
    if (room && error instanceof ApiError && error.status === 412) void reload(room);
  };
  const submit = (values: Values) => {
    problem.clear();
    const onSuccess = (saved: Room) => {
      void message.success(room ? t('common.saved') : t('room.created', { name: saved.name }));
      close();
    };
    if (room) update.mutate({ room, body: values }, { onSuccess, onError });
    else create.mutate(values, { onSuccess, onError });
  };
  return (
    <FormModal<Values>
      open={open}
      title={room ? t('room.edit') : t('room.create')}
      form={form}
      initialValues={room ? valuesOf(room) : { kind: 'indoor' }}
      onFinish={submit}
      onCancel={close}
      submitting={create.isPending || update.isPending}
      error={problem.error}
      testId="room-form"
    >
      <Form.Item
        label={t('room.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('form.required', { label: t('room.name') }) },
          { max: 50, message: t('form.max_length', { label: t('room.name'), max: 50 }) },
        ]}
      >
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        label={t('room.capacity')}
        name="capacity"
        rules={[{ required: true, message: t('form.required', { label: t('room.capacity') }) }]}
      >
        <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t('room.kind')} name="kind" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={KINDS.map((k) => ({
            value: k,
            label: t(k === 'indoor' ? 'room.kind.indoor' : 'room.kind.outdoor'),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
