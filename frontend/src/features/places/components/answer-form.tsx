import { Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { declineReasonValues } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { ANSWERS, answerErrors, type AnswerValues, KEEPS_PLACE } from './answer';

interface Props {
  replyBy: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: AnswerValues) => void;
  onCancel: () => void;
}

const FIELDS = ['answer', 'decline_reason', 'hold_until', 'visit_on', 'note'] as const;

/** The person's answer to an offer: accepts, declines (why; kept until when), or did not answer by the date. */
export function AnswerForm({ replyBy, submitting, error, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const today = todayInLithuania();
  const form = useForm<AnswerValues>({
    mode: 'controlled',
    initialValues: { answer: null, decline_reason: null, hold_until: null, visit_on: null, note: '' },
    validate: (values) =>
      Object.fromEntries(
        Object.entries(answerErrors(values, today, replyBy)).map(([field, code]) => [field, t(`places.answer.error.${code}`)]),
      ),
  });
  const server = fieldErrorMessages(t, error);
  const keeps = form.values.decline_reason !== null && KEEPS_PLACE.includes(form.values.decline_reason);
  return (
    <form noValidate onSubmit={form.onSubmit(onSubmit)}>
      <Stack>
        <FormErrors error={error} fields={FIELDS} />
        <Text size="sm" c="dimmed">
          {t('places.answer.reply_by', { date: formatDate(replyBy, i18n.language) })}
        </Text>
        <Radio.Group
          label={t('places.answer.answer')}
          required
          {...form.getInputProps('answer')}
          error={form.errors.answer ?? server.answer}
        >
          <Stack gap="xs" mt="xs">
            {ANSWERS.map((a) => (
              <Radio key={a} value={a} label={t(`places.answer.${a}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.answer === 'declined' ? (
          <Select
            label={t('places.answer.decline_reason')}
            required
            data={declineReasonValues.map((r) => ({ value: r, label: t(`places.decline_reason.${r}`) }))}
            {...form.getInputProps('decline_reason')}
            error={form.errors.decline_reason ?? server.decline_reason}
          />
        ) : null}
        {form.values.answer === 'declined' && keeps ? (
          <DateInput
            label={t('places.answer.hold_until')}
            description={t('places.answer.hold_until_hint')}
            required
            valueFormat="YYYY-MM-DD"
            minDate={today}
            {...form.getInputProps('hold_until')}
            error={form.errors.hold_until ?? server.hold_until}
          />
        ) : null}
        {form.values.answer === 'accepted' ? (
          <DateInput
            label={t('places.answer.visit_on')}
            valueFormat="YYYY-MM-DD"
            clearable
            {...form.getInputProps('visit_on')}
            error={server.visit_on}
          />
        ) : null}
        <Textarea label={t('places.note')} autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} error={server.note} />
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('places.answer.submit')} />
      </Stack>
    </form>
  );
}
