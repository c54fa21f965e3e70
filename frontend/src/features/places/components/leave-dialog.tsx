import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { leaveReasonValues } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import type { QueueEntryView } from '../api/get-queue-entry';
import { type LeaveReason, useLeaveQueue } from '../api/leave-queue';

interface Values {
  reason: LeaveReason | null;
  note: string;
}

/** Removes a person from the queue with the reason; those behind move up. */
export function LeaveDialog({ entry, onClose }: { entry: QueueEntryView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const leave = useLeaveQueue();
  const close = () => {
    leave.reset();
    onClose();
  };
  return (
    <Modal opened={entry !== null} onClose={close} title={t('places.leave.title', { name: entry?.person_name ?? '' })}>
      {entry ? <LeaveForm entry={entry} leave={leave} onDone={close} /> : null}
    </Modal>
  );
}

function LeaveForm({ entry, leave, onDone }: { entry: QueueEntryView; leave: ReturnType<typeof useLeaveQueue>; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { reason: null, note: '' },
    validate: { reason: (v) => (v ? null : t('errors.fields.required')) },
  });
  const server = fieldErrorMessages(t, leave.error);
  const submit = (values: Values) => {
    if (!values.reason) return;
    leave.mutate(
      { id: entry.id, body: { version: entry.version, reason: values.reason, note: values.note.trim() || null } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('places.leave.done', { name: entry.person_name }) });
          onDone();
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <FormErrors error={leave.error} fields={['reason', 'note']} />
        <Select
          label={t('places.leave.reason')}
          required
          data={leaveReasonValues.map((r) => ({ value: r, label: t(`places.leave_reason.${r}`) }))}
          {...form.getInputProps('reason')}
          error={form.errors.reason ?? server.reason}
        />
        <Textarea label={t('places.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} error={server.note} />
        <FormActions onCancel={onDone} submitting={leave.isPending} submitLabel={t('places.leave.submit')} />
      </Stack>
    </form>
  );
}
