import { Alert, Button, Checkbox, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiProblem, fieldErrors } from '@/api/problem';
import type { components } from '@/api/schema';
import { ROLES, type Role } from '@/lib/roles';
import { useOrganisation } from '../api/organisation';

type User = components['schemas']['UserView'];

export interface UserFormValues {
  username: string;
  display_name: string;
  password: string;
  roles: Role[];
  eldership_id: string | null;
}

interface Props {
  /** The user to edit; a new user when absent. */
  user?: User;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: UserFormValues) => void;
  onCancel: () => void;
}

export function UserForm({ user, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const form = useForm<UserFormValues>({
    mode: 'controlled',
    initialValues: {
      username: user?.username ?? '',
      display_name: user?.display_name ?? '',
      password: '',
      roles: user?.roles ?? [],
      eldership_id: user?.eldership?.id ?? null,
    },
    validate: {
      username: (v) => (user || v.trim().length >= 3 ? null : t('login.required_username')),
      display_name: (v) => (v.trim() ? null : t('users.display_name')),
      password: (v) => (user || v.length >= 10 ? null : t('users.password_hint')),
      roles: (v) => (v.length > 0 ? null : t('users.roles_required')),
    },
  });
  const serverErrors = fieldErrors(error);
  const conflict = error instanceof ApiProblem && error.status === 409 && error.code === 'version_conflict';
  const otherError =
    error instanceof ApiProblem && !conflict && Object.keys(serverErrors).length === 0 ? error.message : null;

  return (
    <form noValidate onSubmit={form.onSubmit(onSubmit)}>
      <Stack>
        {conflict ? <Alert color="orange">{t('common.conflict')}</Alert> : null}
        {otherError ? <Alert color="red">{otherError}</Alert> : null}
        {user ? null : (
          <TextInput
            label={t('users.username')}
            required
            autoComplete="off"
            {...form.getInputProps('username')}
            error={form.errors.username ?? serverErrors.username}
          />
        )}
        <TextInput
          label={t('users.display_name')}
          required
          {...form.getInputProps('display_name')}
          error={form.errors.display_name ?? serverErrors.display_name}
        />
        {user ? null : (
          <PasswordInput
            label={t('users.password')}
            description={t('users.password_hint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
            error={form.errors.password ?? serverErrors.password}
          />
        )}
        <Checkbox.Group
          label={t('users.roles')}
          required
          {...form.getInputProps('roles')}
          error={form.errors.roles ?? serverErrors.roles}
        >
          <Stack gap={6} mt={6}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label={t('users.eldership')}
          placeholder={t('users.no_eldership')}
          clearable
          searchable
          data={(organisation.data?.elderships ?? []).map((e) => ({ value: e.id, label: e.name }))}
          {...form.getInputProps('eldership_id')}
          error={serverErrors.eldership_id}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
