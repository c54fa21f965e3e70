import { Alert, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { ApiProblem, fieldErrors } from '@/api/problem';
import type { components } from '@/api/schema';
import { errorMessage } from '@/lib/errors';
import { useMe } from '@/lib/me';
import { useOrganisation } from '@/lib/organisation';
import type { CreatePersonInput } from '../api/create-person';

type Person = components['schemas']['PersonView'];
type Sex = components['schemas']['Sex'];

interface Props {
  /** The person to change; a new one when absent. */
  person?: Person;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: CreatePersonInput) => void;
  onCancel: () => void;
  /** Told whether the form has unsaved changes. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** Checks the personal code's shape and check digit as the server does (RULES.md). */
export function personalCodeProblem(code: string): 'length' | 'digits' | 'check' | null {
  if (!/^\d+$/.test(code)) return 'digits';
  if (code.length !== 11) return 'length';
  const d = [...code].map(Number);
  const weighted = (w: number[]) => w.reduce((sum, weight, i) => sum + (d[i] ?? 0) * weight, 0) % 11;
  let k = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
  if (k === 10) {
    k = weighted([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]);
    if (k === 10) k = 0;
  }
  return k === d[10] ? null : 'check';
}

/**
 * The birth date and sex a valid personal code tells (its first digit: the
 * century and sex; then YYMMDD), or null (a code starting with 9 has no date).
 */
export function identityFromCode(code: string): { birthDate: string; sex: Sex } | null {
  if (personalCodeProblem(code) !== null) return null;
  const first = Number(code[0]);
  if (first < 1 || first > 6) return null;
  const century = 1800 + Math.floor((first - 1) / 2) * 100;
  const year = century + Number(code.slice(1, 3));
  const month = code.slice(3, 5);
  const day = code.slice(5, 7);
  const date = new Date(Date.UTC(year, Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== Number(month) || date.getUTCDate() !== Number(day)) return null;
  return { birthDate: `${year}-${month}-${day}`, sex: first % 2 === 1 ? 'male' : 'female' };
}

export function PersonForm({ person, submitting, error, onSubmit, onCancel, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const organisation = useOrganisation();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      personal_code: person?.personal_code ?? '',
      first_name: person?.first_name ?? '',
      last_name: person?.last_name ?? '',
      birth_date: (person?.birth_date ?? null) as string | null,
      sex: (person?.sex ?? null) as string | null,
      declared_address: person?.declared_address ?? '',
      eldership_id: (person ? (person.eldership?.id ?? null) : (me.data?.eldership?.id ?? null)) as string | null,
      phone: person?.phone ?? '',
      email: person?.email ?? '',
    },
    validate: {
      first_name: (v) => (v.trim() ? null : t('common.required')),
      last_name: (v) => (v.trim() ? null : t('common.required')),
      personal_code: (v) => {
        const code = v.trim();
        if (!code) return null;
        const problem = personalCodeProblem(code);
        return problem ? t(`validation.personal_code_${problem}`) : null;
      },
      email: (v) => (!v.trim() || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? null : t('validation.email')),
    },
    onValuesChange: (values, previous) => {
      // The personal code tells the birth date and sex: fill them in from it.
      if (values.personal_code === previous.personal_code) return;
      const identity = identityFromCode(values.personal_code.trim());
      if (identity) form.setValues({ birth_date: identity.birthDate, sex: identity.sex });
    },
  });
  const dirty = form.isDirty();
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const server = fieldErrors(error);
  const other = error instanceof ApiProblem && Object.keys(server).length === 0 ? errorMessage(t, error) : null;
  const limited = Boolean(me.data?.eldership);
  const fromCode = identityFromCode(form.values.personal_code.trim()) !== null;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          personal_code: v.personal_code.trim() || null,
          first_name: v.first_name.trim(),
          last_name: v.last_name.trim(),
          birth_date: v.birth_date || null,
          sex: (v.sex as Sex | null) || null,
          declared_address: v.declared_address.trim() || null,
          eldership_id: v.eldership_id,
          phone: v.phone.trim() || null,
          email: v.email.trim() || null,
        }),
      )}
    >
      <Stack>
        {other ? (
          <Alert color="red" role="alert">
            {other}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('persons.first_name')} required {...form.getInputProps('first_name')} error={form.errors.first_name ?? server.first_name} />
          <TextInput label={t('persons.last_name')} required {...form.getInputProps('last_name')} error={form.errors.last_name ?? server.last_name} />
        </SimpleGrid>
        <TextInput
          label={t('persons.code')}
          description={t('persons.no_code_hint')}
          inputMode="numeric"
          maxLength={11}
          {...form.getInputProps('personal_code')}
          error={form.errors.personal_code ?? server.personal_code}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput
            label={t('persons.birth_date')}
            description={fromCode ? t('common.from_code') : undefined}
            valueFormat="YYYY-MM-DD"
            placeholder={t('common.date_placeholder')}
            clearable
            minDate="1900-01-01"
            maxDate={new Date()}
            {...form.getInputProps('birth_date')}
            error={form.errors.birth_date ?? server.birth_date}
          />
          <Select
            label={t('persons.sex')}
            description={fromCode ? t('common.from_code') : undefined}
            data={[
              { value: 'male', label: t('persons.male') },
              { value: 'female', label: t('persons.female') },
            ]}
            clearable
            {...form.getInputProps('sex')}
            error={server.sex}
          />
        </SimpleGrid>
        <TextInput label={t('persons.address')} {...form.getInputProps('declared_address')} error={server.declared_address} />
        <Select
          label={t('persons.eldership')}
          data={(organisation.data?.elderships ?? []).map((e) => ({ value: e.id, label: e.name }))}
          disabled={limited}
          clearable={!limited}
          searchable
          {...form.getInputProps('eldership_id')}
          error={server.eldership_id}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('persons.phone')} type="tel" {...form.getInputProps('phone')} error={server.phone} />
          <TextInput label={t('persons.email')} type="email" {...form.getInputProps('email')} error={form.errors.email ?? server.email} />
        </SimpleGrid>
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}
