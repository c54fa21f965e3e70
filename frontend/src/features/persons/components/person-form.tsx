import { Alert, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { useMe } from '@/lib/me';
import { useOrganisation } from '@/lib/organisation';
import type { CreatePersonInput } from '../api/create-person';

interface Props {
  submitting: boolean;
  error: unknown;
  onSubmit: (values: CreatePersonInput) => void;
  onCancel: () => void;
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

export function PersonForm({ submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const organisation = useOrganisation();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      personal_code: '',
      first_name: '',
      last_name: '',
      birth_date: null as string | null,
      declared_address: '',
      eldership_id: (me.data?.eldership?.id ?? null) as string | null,
      phone: '',
      email: '',
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
  });
  const server = fieldErrors(error);
  const other = error instanceof ApiProblem && Object.keys(server).length === 0 ? error.message : null;
  const limited = Boolean(me.data?.eldership);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        onSubmit({
          personal_code: v.personal_code.trim() || null,
          first_name: v.first_name.trim(),
          last_name: v.last_name.trim(),
          birth_date: v.birth_date || null,
          declared_address: v.declared_address.trim() || null,
          eldership_id: v.eldership_id,
          phone: v.phone.trim() || null,
          email: v.email.trim() || null,
        }),
      )}
    >
      <Stack>
        {other ? <Alert color="red">{other}</Alert> : null}
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
        <DateInput
          label={t('persons.birth_date')}
          valueFormat="YYYY-MM-DD"
          clearable
          maxDate={new Date()}
          {...form.getInputProps('birth_date')}
          error={form.errors.birth_date ?? server.birth_date}
        />
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
        {error instanceof ApiProblem && error.code === 'person_exists' ? (
          <Text c="red.8" size="sm" role="alert">
            {error.message}
          </Text>
        ) : null}
        <FormActions onCancel={onCancel} submitting={submitting} />
      </Stack>
    </form>
  );
}
