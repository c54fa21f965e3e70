import { PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { NewPasswordFields } from '@/components/new-password-fields';
import { fieldErrorMessages } from '@/lib/errors';
import { newPasswordValidation } from '@/lib/password';
import type { ChangePasswordInput } from '../api/change-password';

interface Props {
  username: string;
  submitting: boolean;
  error: unknown;
  onSubmit: (body: ChangePasswordInput) => void;
  onCancel: () => void;
}

/** A member of staff changes their own password, confirming the current one. */
export function ChangePasswordForm({ username, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const rules = newPasswordValidation(t, username);
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', password: '', repeat: '' },
    validate: {
      current: (v) => (v ? null : t('common.required')),
      password: (v, values) => (v && v === values.current ? t('me.same_password') : rules.password(v)),
      repeat: rules.repeat,
    },
  });
  const server = fieldErrorMessages(t, error);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => onSubmit({ current_password: v.current, new_password: v.password }))}
    >
      <Stack gap="md">
        <Text size="sm">{t('me.password_explained')}</Text>
        <FormErrors error={error} fields={['current_password', 'new_password']} />
        <PasswordInput
          label={t('me.current_password')}
          required
          autoComplete="current-password"
          {...form.getInputProps('current')}
          error={form.errors.current ?? server.current_password}
        />
        <NewPasswordFields
          password={form.getInputProps('password')}
          repeat={form.getInputProps('repeat')}
          serverError={server.new_password}
        />
        <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('me.change_password')} />
      </Stack>
    </form>
  );
}
