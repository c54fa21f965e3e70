import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { passwordProblem } from '@/lib/password';

type User = components['schemas']['UserView'];

interface Props {
  user: User;
  submitting: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  onCancel: () => void;
  onReload: () => void;
}

/** An administrator sets a new password for a user (who must then use it). */
export function PasswordForm({ user, submitting, error, onSubmit, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (v) => {
        const problem = passwordProblem(v, user.username);
        return problem ? t(problem) : null;
      },
      repeat: (v, values) => (v === values.password ? null : t('users.password_mismatch')),
    },
  });
  const serverErrors = fieldErrorMessages(t, error);

  return (
    <form noValidate onSubmit={form.onSubmit((values) => onSubmit(values.password))}>
      <Stack gap="md">
        <Text size="sm">{t('users.password_reset_explained', { name: user.display_name })}</Text>
        <FormErrors error={error} fields={['new_password']} onReload={onReload} />
        <PasswordInput
          label={t('users.new_password')}
          description={t('users.password_hint')}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
          error={form.errors.password ?? serverErrors.new_password}
        />
        <PasswordInput
          label={t('users.repeat_password')}
          required
          autoComplete="new-password"
          {...form.getInputProps('repeat')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting}>
            {t('users.set_password')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
