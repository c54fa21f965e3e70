import { PasswordInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

interface Props {
  /** `form.getInputProps('password')`. */
  password: GetInputPropsReturnType;
  /** `form.getInputProps('repeat')`. */
  repeat: GetInputPropsReturnType;
  /** The server's message for the new password, if any. */
  serverError?: string;
}

/** A new password and its repetition (checked by `newPasswordValidation`). */
export function NewPasswordFields({ password, repeat, serverError }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t('users.new_password')}
        description={t('users.password_hint')}
        required
        autoComplete="new-password"
        {...password}
        error={password.error ?? serverError}
      />
      <PasswordInput label={t('users.repeat_password')} required autoComplete="new-password" {...repeat} />
    </>
  );
}
