import { Alert, Group, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { errorMessage } from '@/lib/errors';
import type { AddCertificateInput } from '../api/add-certificate';

const KINDS = [
  'disability_level',
  'working_capacity',
  'special_needs_level',
  'permanent_nursing_need',
  'permanent_care_need',
  'pensioner',
  'movement_dysfunction',
  'special_transport_need',
  'intellectual_or_mental_disability',
  'physical_independence',
  'returned_from_prison_or_rehabilitation',
  'homeless_register',
] as const;

const VALUES: Partial<Record<(typeof KINDS)[number], string[]>> = {
  disability_level: ['severe', 'moderate', 'mild'],
  special_needs_level: ['high', 'medium', 'low'],
  physical_independence: ['independent', 'partially_independent', 'dependent'],
};

interface Props {
  submitting: boolean;
  error: unknown;
  onSubmit: (values: AddCertificateInput) => void;
  onCancel: () => void;
  /** Told whether the form has unsaved changes. */
  onDirtyChange?: (dirty: boolean) => void;
}

export function CertificateForm({ submitting, error, onSubmit, onCancel, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'working_capacity' as string, value: '', valid_from: null as string | null, valid_until: null as string | null },
    validate: { valid_from: (v) => (v ? null : t('common.required')) },
  });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const server = fieldErrors(error);
  const other = error instanceof ApiProblem && Object.keys(server).length === 0 ? errorMessage(t, error) : null;
  const kind = form.values.kind as (typeof KINDS)[number];
  const choices = VALUES[kind];
  const needsValue = kind === 'working_capacity' || Boolean(choices);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          kind: v.kind as AddCertificateInput['kind'],
          value: needsValue ? v.value.trim() || null : null,
          valid_from: v.valid_from ?? '',
          valid_until: v.valid_until,
        }),
      )}
    >
      <Stack>
        {other ? <Alert color="red">{other}</Alert> : null}
        <Select
          label={t('file.kind')}
          data={KINDS.map((k) => ({ value: k, label: t(`certificate.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          onChange={(value) => {
            form.setFieldValue('kind', value ?? 'working_capacity');
            form.setFieldValue('value', '');
          }}
        />
        {choices ? (
          <Select
            label={t('file.value')}
            data={choices.map((c) => ({ value: c, label: kind === 'physical_independence' ? t(`independence.${c}`) : c }))}
            {...form.getInputProps('value')}
            error={server.value}
          />
        ) : needsValue ? (
          <TextInput label={t('file.value')} inputMode="numeric" {...form.getInputProps('value')} error={server.value} />
        ) : null}
        <Group grow>
          <DateInput label={t('file.valid_from')} valueFormat="YYYY-MM-DD" required {...form.getInputProps('valid_from')} error={form.errors.valid_from ?? server.valid_from} />
          <DateInput label={t('file.valid_until')} valueFormat="YYYY-MM-DD" clearable {...form.getInputProps('valid_until')} error={server.valid_until} />
        </Group>
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}
