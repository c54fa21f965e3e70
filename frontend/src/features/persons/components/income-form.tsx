import { Alert, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { errorMessage } from '@/lib/errors';
import type { AddIncomeInput, AddIncomeMonthsInput } from '../api/add-income';

const SOURCES = ['sodra', 'other', 'declared', 'no_income'] as const;
/** The months of a fee's window (R-FEE-1): three, entered together. */
const MONTHS = 3;
const AMOUNT = /^\d+([.,]\d{1,2})?$/;

interface Props {
  submitting: boolean;
  error: unknown;
  onSubmit: (values: AddIncomeMonthsInput) => void;
  onCancel: () => void;
}

/** The `index`-th month after (year, month), 1-based months. */
export function monthAfter(year: number, month: number, index: number): { year: number; month: number } {
  const zeroBased = year * 12 + (month - 1) + index;
  return { year: Math.floor(zeroBased / 12), month: (zeroBased % 12) + 1 };
}

/**
 * Three consecutive months' income at once (by default the three months
 * before this one: the window of an application made today). "No income" is
 * a month recorded as without income, amount 0 (missing months are not zero).
 */
export function IncomeForm({ submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const now = new Date();
  const first = monthAfter(now.getFullYear(), now.getMonth() + 1, -MONTHS);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      year: first.year,
      month: first.month,
      rows: Array.from({ length: MONTHS }, () => ({ amount: '', source: 'sodra' as string })),
      note: '',
    },
    validate: {
      rows: {
        amount: (v, values, path) => {
          const index = Number(path.split('.')[1]);
          return values.rows[index]?.source === 'no_income' || AMOUNT.test(String(v).trim()) ? null : t('validation.amount');
        },
      },
    },
  });
  const server = fieldErrors(error);
  const other = error instanceof ApiProblem && Object.keys(server).length === 0 ? errorMessage(t, error) : null;
  const label = (index: number) => {
    const m = monthAfter(Number(form.values.year), Number(form.values.month), index);
    return `${m.year}-${String(m.month).padStart(2, '0')}`;
  };
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          months: v.rows.map((row, index): AddIncomeInput => {
            const m = monthAfter(Number(v.year), Number(v.month), index);
            return {
              year: m.year,
              month: m.month,
              amount: row.source === 'no_income' ? '0' : String(row.amount).trim().replace(',', '.'),
              source: row.source as AddIncomeInput['source'],
              note: v.note.trim() || null,
            };
          }),
        }),
      )}
    >
      <Stack>
        {other ? <Alert color="red">{other}</Alert> : null}
        <Text size="sm" c="dimmed">
          {t('file.income_three_months')}
        </Text>
        <SimpleGrid cols={2}>
          <NumberInput label={t('file.first_year')} min={2000} max={2100} required {...form.getInputProps('year')} />
          <NumberInput label={t('file.first_month')} min={1} max={12} required {...form.getInputProps('month')} />
        </SimpleGrid>
        {form.values.rows.map((row, index) => (
          <SimpleGrid cols={2} key={index}>
            <TextInput
              label={`${label(index)}: ${t('file.amount')}`}
              inputMode="decimal"
              required={row.source !== 'no_income'}
              disabled={row.source === 'no_income'}
              {...form.getInputProps(`rows.${index}.amount`)}
              error={form.errors[`rows.${index}.amount`] ?? server[`months[${index}].amount`]}
            />
            <Select
              label={`${label(index)}: ${t('file.source')}`}
              data={SOURCES.map((s) => ({ value: s, label: t(`income_source.${s}`) }))}
              allowDeselect={false}
              {...form.getInputProps(`rows.${index}.source`)}
            />
          </SimpleGrid>
        ))}
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}
