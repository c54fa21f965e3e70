import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiProblem } from '@/api/problem';
import { LanguageSwitch } from '@/components/language-switch';
import { useLogin } from '../api/use-login';

/** Where to go after login: only paths of this application. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const mutation = useLogin();
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('login.required_username')),
      password: (v) => (v ? null : t('login.required_password')),
    },
  });

  const reason = params.get('reason');
  const notice = reason === 'expired' ? t('login.expired') : reason === 'logged_out' ? t('login.logged_out') : null;

  function errorMessage(error: unknown): string {
    if (error instanceof ApiProblem) {
      if (error.code === 'invalid_credentials') return t('login.invalid');
      if (error.code === 'too_many_attempts') return t('login.throttled', { minutes: 15 });
      if (error.code === 'validation_failed') return t('login.invalid');
    }
    return t('login.failed', { detail: error instanceof Error ? error.message : String(error) });
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w="100%" maw={420}>
        <Group justify="space-between" mb="md">
          <div>
            <Title order={1} size="h2">
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
          <form
            noValidate
            onSubmit={form.onSubmit((values) =>
              mutation.mutate(
                { username: values.username.trim(), password: values.password },
                {
                  onSuccess: () => {
                    queryClient.clear();
                    void navigate(safeNext(params.get('next')), { replace: true });
                  },
                },
              ),
            )}
          >
            <Stack>
              <Title order={2} size="h3">
                {t('login.title')}
              </Title>
              {notice && !mutation.isError ? (
                <Alert color={reason === 'expired' ? 'yellow' : 'blue'} role="status">
                  {notice}
                </Alert>
              ) : null}
              {mutation.isError ? (
                <Alert color="red" role="alert">
                  {errorMessage(mutation.error)}
                </Alert>
              ) : null}
              <TextInput
                label={t('login.username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={mutation.isPending} fullWidth mt="sm">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
