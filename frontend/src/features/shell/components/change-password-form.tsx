import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { passwordProblem } from '@/lib/password';
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
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', password: '', repeat: '' },
    validate: {
      current: (v) => (v ? null : t('common.required')),
      password: (v, values) => {
        if (v && v === values.current) return t('me.same_password');
        const problem = passwordProblem(v, username);
        return problem ? t(problem) : null;
      },
      repeat: (v, values) => (v === values.password ? null : t('users.password_mismatch')),
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
        <PasswordInput
          label={t('users.new_password')}
          description={t('users.password_hint')}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
          error={form.errors.password ?? server.new_password}
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
            {t('me.change_password')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
