import { Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { NewPasswordFields } from '@/components/new-password-fields';
import { fieldErrorMessages } from '@/lib/errors';
import { newPasswordValidation } from '@/lib/password';

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
    validate: newPasswordValidation(t, user.username),
  });
  const serverErrors = fieldErrorMessages(t, error);

  return (
    <form noValidate onSubmit={form.onSubmit((values) => onSubmit(values.password))}>
      <Stack gap="md">
        <Text size="sm">{t('users.password_reset_explained', { name: user.display_name })}</Text>
        <FormErrors error={error} fields={['new_password']} onReload={onReload} />
        <NewPasswordFields
          password={form.getInputProps('password')}
          repeat={form.getInputProps('repeat')}
          serverError={serverErrors.new_password}
        />
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('users.set_password')} />
      </Stack>
    </form>
  );
}
