import { Checkbox, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { useOrganisation } from '@/lib/organisation';
import { passwordProblem } from '@/lib/password';
import { ROLES, type Role } from '@/lib/roles';

type User = components['schemas']['UserView'];

export interface UserFormValues {
  username: string;
  display_name: string;
  password: string;
  roles: Role[];
  eldership_id: string | null;
}

const FIELDS = ['username', 'display_name', 'password', 'roles', 'eldership_id'] as const;

/** As the server checks it: 3–64 latin letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/i;

interface Props {
  /** The user to edit (as just read); a new user when absent. */
  user?: User;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: UserFormValues) => void;
  onCancel: () => void;
  /** Reads the user again after a version conflict. */
  onReload?: () => void;
}

export function UserForm({ user, submitting, error, onSubmit, onCancel, onReload }: Props) {
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
      username: (v) =>
        user ? null : !v.trim() ? t('users.username_required') : USERNAME_PATTERN.test(v.trim()) ? null : t('users.username_hint'),
      display_name: (v) => (v.trim() ? null : t('users.display_name_required')),
      password: (v, values) => {
        if (user) return null;
        const problem = passwordProblem(v, values.username);
        return problem ? t(problem) : null;
      },
      roles: (v) => (v.length > 0 ? null : t('users.roles_required')),
    },
  });
  const serverErrors = fieldErrorMessages(t, error);

  return (
    <form noValidate onSubmit={form.onSubmit(onSubmit)}>
      <Stack gap="md">
        <FormErrors error={error} fields={FIELDS} onReload={onReload} />
        <SimpleGrid cols={{ base: 1, sm: user ? 1 : 2 }}>
          {user ? null : (
            <TextInput
              label={t('users.username')}
              description={t('users.username_hint')}
              required
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              {...form.getInputProps('username')}
              error={form.errors.username ?? serverErrors.username}
            />
          )}
          <TextInput
            label={t('users.display_name')}
            description={user ? undefined : t('users.display_name_hint')}
            required
            {...form.getInputProps('display_name')}
            error={form.errors.display_name ?? serverErrors.display_name}
          />
        </SimpleGrid>
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
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={8} mt={8}>
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Select
          label={t('users.eldership')}
          description={t('users.eldership_hint')}
          placeholder={t('users.no_eldership')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothing_found')}
          data={(organisation.data?.elderships ?? []).map((e) => ({ value: e.id, label: e.name }))}
          {...form.getInputProps('eldership_id')}
          error={serverErrors.eldership_id}
        />
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={user ? t('common.save') : t('users.create_submit')} />
      </Stack>
    </form>
  );
}
