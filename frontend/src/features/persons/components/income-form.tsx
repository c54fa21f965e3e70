import { Alert, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { errorMessage } from '@/lib/errors';
import type { AddIncomeInput } from '../api/add-income';

const SOURCES = ['sodra', 'other', 'declared'] as const;

interface Props {
  submitting: boolean;
  error: unknown;
  onSubmit: (values: AddIncomeInput) => void;
  onCancel: () => void;
}

export function IncomeForm({ submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const form = useForm({
    mode: 'controlled',
    initialValues: { year: last.getFullYear(), month: last.getMonth() + 1, amount: '', source: 'sodra' as string, note: '' },
    validate: {
      amount: (v) => (/^\d+([.,]\d{1,2})?$/.test(String(v).trim()) ? null : t('validation.amount')),
    },
  });
  const server = fieldErrors(error);
  const other = error instanceof ApiProblem && Object.keys(server).length === 0 ? errorMessage(t, error) : null;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          year: Number(v.year),
          month: Number(v.month),
          amount: String(v.amount).trim().replace(',', '.'),
          source: v.source as AddIncomeInput['source'],
          note: v.note.trim() || null,
        }),
      )}
    >
      <Stack>
        {other ? <Alert color="red">{other}</Alert> : null}
        <SimpleGrid cols={2}>
          <NumberInput label={t('file.year')} min={2000} max={2100} required {...form.getInputProps('year')} error={server.year} />
          <NumberInput label={t('file.month')} min={1} max={12} required {...form.getInputProps('month')} error={server.month} />
        </SimpleGrid>
        <TextInput label={t('file.amount')} inputMode="decimal" required {...form.getInputProps('amount')} error={form.errors.amount ?? server.amount} />
        <Select
          label={t('file.source')}
          data={SOURCES.map((s) => ({ value: s, label: t(`income_source.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('source')}
        />
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}
