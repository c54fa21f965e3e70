import { Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { stayEndReasonValues, type components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';

type StayEndReason = components['schemas']['StayEndReason'];

export interface EndStayValues {
  ended_on: string | null;
  reason: StayEndReason | null;
  note: string;
}

interface Props {
  startedOn: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: { ended_on: string; reason: StayEndReason; note: string | null }) => void;
  onCancel: () => void;
}

/** The end of a stay: the last day (from the start to today) and why. */
export function EndStayForm({ startedOn, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const today = todayInLithuania();
  const form = useForm<EndStayValues>({
    mode: 'controlled',
    initialValues: { ended_on: today, reason: null, note: '' },
    validate: {
      ended_on: (v) =>
        !v ? t('errors.fields.required') : v > today ? t('errors.fields.in_future') : v < startedOn ? t('places.end.before_start') : null,
      reason: (v) => (v ? null : t('errors.fields.required')),
    },
  });
  const server = fieldErrorMessages(t, error);
  const submit = (values: EndStayValues) => {
    if (!values.ended_on || !values.reason) return;
    onSubmit({ ended_on: values.ended_on, reason: values.reason, note: values.note.trim() || null });
  };
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <FormErrors error={error} fields={['ended_on', 'reason', 'note']} />
        <DateInput
          label={t('places.end.ended_on')}
          required
          valueFormat="YYYY-MM-DD"
          minDate={startedOn}
          maxDate={today}
          {...form.getInputProps('ended_on')}
          error={form.errors.ended_on ?? server.ended_on}
        />
        <Select
          label={t('places.end.reason')}
          required
          data={stayEndReasonValues.map((r) => ({ value: r, label: t(`places.end_reason.${r}`) }))}
          {...form.getInputProps('reason')}
          error={form.errors.reason ?? server.reason}
        />
        <Textarea label={t('places.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} error={server.note} />
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('places.end.submit')} />
      </Stack>
    </form>
  );
}
