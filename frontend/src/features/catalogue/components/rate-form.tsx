import { Alert, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import type { CreateRateInput } from '../api/rates';
import { isShare, parseEuro, percentToShare, RATE_KINDS, type RateKind } from '../rates';

const FIELDS = ['kind', 'valid_from', 'value', 'note'] as const;

interface Props {
  kind: RateKind;
  submitting: boolean;
  error: unknown;
  onSubmit: (body: CreateRateInput) => void;
  onCancel: () => void;
}

/** A new value of a rate from a date; caps are typed as percentages. */
export function RateForm({ kind, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: kind as RateKind, valid_from: null as string | null, value: '', note: '' },
    validate: {
      valid_from: (v) => (v ? null : t('common.required')),
      value: (v, values) =>
        (isShare(values.kind) ? percentToShare(v) : parseEuro(v)) !== null
          ? null
          : t(isShare(values.kind) ? 'catalogue.percent_invalid' : 'catalogue.euro_invalid'),
    },
  });
  const server = fieldErrorMessages(t, error);
  const share = isShare(form.values.kind);
  const backdated = form.values.valid_from !== null && form.values.valid_from <= todayInLithuania();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          kind: v.kind,
          valid_from: v.valid_from ?? '',
          value: (share ? percentToShare(v.value) : parseEuro(v.value)) ?? '',
          note: v.note.trim() || null,
        }),
      )}
    >
      <Stack>
        <FormErrors error={error} fields={FIELDS} />
        <Select
          label={t('catalogue.rate_kind')}
          data={RATE_KINDS.map((k) => ({ value: k, label: t(`catalogue.rate_kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          error={server.kind}
        />
        <DateInput
          label={t('catalogue.valid_from')}
          valueFormat="YYYY-MM-DD"
          required
          {...form.getInputProps('valid_from')}
          error={form.errors.valid_from ?? server.valid_from}
        />
        <TextInput
          label={share ? t('catalogue.value_percent') : t('catalogue.value_euro')}
          description={share ? t('catalogue.value_percent_hint') : undefined}
          inputMode="decimal"
          required
          rightSection={share ? '%' : '€'}
          {...form.getInputProps('value')}
          error={form.errors.value ?? server.value}
        />
        <TextInput
          label={t('catalogue.note')}
          description={t('catalogue.note_hint')}
          {...form.getInputProps('note')}
          error={server.note}
        />
        {backdated ? (
          <Alert color="orange" variant="light">
            {t('catalogue.backdated')}
          </Alert>
        ) : null}
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('catalogue.add_value')} />
      </Stack>
    </form>
  );
}
