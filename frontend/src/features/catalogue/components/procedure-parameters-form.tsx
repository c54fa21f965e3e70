import { Alert, NumberInput, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import type { CreateParametersInput } from '../api/create-procedure-parameters';
import type { ProcedureParameters } from '../api/procedure-parameters';
import { inRange, PARAMETER_FIELDS } from '../procedure-parameters';

const FIELDS = ['valid_from', ...PARAMETER_FIELDS.map((f) => f.field)] as const;

interface Values {
  valid_from: string | null;
  assignment_working_days: number | string;
  first_meeting_working_days: number | string;
  review_interval_months: number | string;
}

interface Props {
  /** The terms the form starts from (those in force). */
  initial: ProcedureParameters;
  submitting: boolean;
  error: unknown;
  onSubmit: (body: CreateParametersInput) => void;
  onCancel: () => void;
  /** Told whether something was typed, so that the dialog does not lose it by accident. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** New case-management terms from a date: today at the earliest; cases opened before keep theirs. */
export function ProcedureParametersForm({ initial, submitting, error, onSubmit, onCancel, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const today = todayInLithuania();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { valid_from: null, ...initial },
    validate: {
      valid_from: (v) => (!v ? t('common.required') : v < today ? t('errors.fields.in_past') : null),
      ...Object.fromEntries(
        PARAMETER_FIELDS.map(({ field, min, max }) => [
          field,
          (v: number | string) => (inRange(v, min, max) ? null : t('catalogue.params.range', { min, max })),
        ]),
      ),
    },
  });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const server = fieldErrorMessages(t, error);
  const startsToday = form.values.valid_from === today;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          valid_from: v.valid_from ?? '',
          assignment_working_days: Number(v.assignment_working_days),
          first_meeting_working_days: Number(v.first_meeting_working_days),
          review_interval_months: Number(v.review_interval_months),
        }),
      )}
    >
      <Stack>
        <FormErrors error={error} fields={FIELDS} />
        <DateInput
          label={t('catalogue.valid_from')}
          description={t('catalogue.params.valid_from_hint')}
          valueFormat="YYYY-MM-DD"
          minDate={today}
          required
          {...form.getInputProps('valid_from')}
          error={form.errors.valid_from ?? server.valid_from}
        />
        {PARAMETER_FIELDS.map(({ field, min, max }) => (
          <NumberInput
            key={field}
            label={t(`catalogue.params.fields.${field}`)}
            description={t('catalogue.params.range_hint', { min, max })}
            min={min}
            max={max}
            allowDecimal={false}
            allowNegative={false}
            required
            {...form.getInputProps(field)}
            // The server says `out_of_range` for all three: the range is what the person needs.
            error={form.errors[field] ?? (server[field] ? t('catalogue.params.range', { min, max }) : undefined)}
          />
        ))}
        <Text size="xs" c="dimmed">
          {t('catalogue.params.applies_hint')}
        </Text>
        {startsToday ? (
          <Alert color="orange" variant="light">
            {t('catalogue.params.starts_today')}
          </Alert>
        ) : null}
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('catalogue.params.save')} />
      </Stack>
    </form>
  );
}
