import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import { admissionErrors, type AdmissionValues, ITEM_F027A_EXTRACT } from './admission';

type ChecklistItem = components['schemas']['ChecklistItem'];

export interface AdmissionInput {
  moving_in_on: string;
  checklist: { code: string; done: boolean }[];
  extract_027a_issued_on: string | null;
}

interface Props {
  checklist: readonly ChecklistItem[];
  /** The offer's date: moving in is not before it. */
  offeredOn: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (input: AdmissionInput) => void;
  onCancel: () => void;
}

const FIELDS = ['moving_in_on', 'checklist', 'extract_027a_issued_on'] as const;

/** The admission: the moving-in date, the facility's checklist item by item, and the F027/a extract's date (R-LIM-7). */
export function AdmitForm({ checklist, offeredOn, submitting, error, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const today = todayInLithuania();
  const form = useForm<AdmissionValues>({
    mode: 'controlled',
    initialValues: {
      moving_in_on: today < offeredOn ? offeredOn : today,
      done: Object.fromEntries(checklist.map((i) => [i.code, false])),
      extract_027a_issued_on: null,
    },
    validate: (values) => {
      const found = admissionErrors(values, checklist, offeredOn);
      return Object.fromEntries(
        Object.entries(found).map(([field, code]) => [
          field.startsWith('checklist.') ? `done.${field.slice('checklist.'.length)}` : field,
          t(`places.admit.error.${code}`),
        ]),
      );
    },
  });
  const server = fieldErrorMessages(t, error);
  const needsExtract = checklist.some((i) => i.code === ITEM_F027A_EXTRACT);
  const submit = (values: AdmissionValues) => {
    if (!values.moving_in_on) return;
    onSubmit({
      moving_in_on: values.moving_in_on,
      checklist: checklist.map((i) => ({ code: i.code, done: Boolean(values.done[i.code]) })),
      extract_027a_issued_on: needsExtract ? values.extract_027a_issued_on : null,
    });
  };
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <FormErrors error={error} fields={FIELDS} />
        <DateInput
          label={t('places.admit.moving_in_on')}
          required
          valueFormat="YYYY-MM-DD"
          minDate={offeredOn}
          {...form.getInputProps('moving_in_on')}
          error={form.errors.moving_in_on ?? server.moving_in_on}
        />
        <Fieldset legend={t('places.admit.checklist')}>
          <Stack gap="xs">
            {checklist.map((item) => (
              <Checkbox
                key={item.code}
                data-code={item.code}
                label={
                  <>
                    {i18n.language === 'en' ? item.label_en : item.label_lt}
                    {item.required ? (
                      <Text span size="xs" c="dimmed">
                        {` (${t('places.admit.required_item')})`}
                      </Text>
                    ) : null}
                  </>
                }
                {...form.getInputProps(`done.${item.code}`, { type: 'checkbox' })}
                error={form.errors[`done.${item.code}`]}
              />
            ))}
            {server.checklist ? (
              <Text size="sm" c="red.8" role="alert">
                {server.checklist}
              </Text>
            ) : null}
          </Stack>
        </Fieldset>
        {needsExtract ? (
          <DateInput
            label={t('places.admit.extract_027a')}
            description={t('places.admit.extract_027a_hint')}
            required
            valueFormat="YYYY-MM-DD"
            maxDate={today}
            {...form.getInputProps('extract_027a_issued_on')}
            error={form.errors.extract_027a_issued_on ?? server.extract_027a_issued_on}
          />
        ) : null}
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('places.admit.submit')} />
      </Stack>
    </form>
  );
}
