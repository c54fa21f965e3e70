import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiProblem } from '@/api/problem';
import { AppLogo } from '@/components/app-logo';
import { LanguageSwitch } from '@/components/language-switch';
import { errorMessage, fieldErrorMessages, waitMinutes } from '@/lib/errors';
import { session } from '@/lib/session';
import { usePageTitle } from '@/lib/use-page-title';
import { useLogin } from '../api/use-login';

/** Where to go after login: only paths of this application. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login')
    ? next
    : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const mutation = useLogin();
  usePageTitle(t('login.title'));
  // Two fields: plain state (the form library is not part of the login page's download).
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const usernameError = checked && !username.trim() ? t('login.required_username') : null;
  const passwordError = checked && !password ? t('login.required_password') : null;

  // Already logged in in this tab (e.g. the back button after login).
  if (session.accessToken() && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={safeNext(params.get('next'))} replace />;
  }

  const reason = params.get('reason');
  const notice = reason === 'expired' ? t('login.expired') : reason === 'logged_out' ? t('login.logged_out') : null;
  const serverFieldErrors = fieldErrorMessages(t, mutation.error);

  function loginError(error: unknown): string {
    if (error instanceof ApiProblem) {
      if (error.code === 'invalid_credentials') return t('login.invalid');
      if (error.code === 'too_many_attempts') return t('login.throttled', { minutes: waitMinutes(error) });
    }
    return errorMessage(t, error);
  }

  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="flex-end" p="md" component="header">
        <LanguageSwitch />
      </Group>
      <Center style={{ flex: 1 }} px="md" pb={64} component="main">
        <Box w="100%" maw={440}>
          <Stack align="center" gap={6} mb="xl">
            <AppLogo size={44} />
            <Title order={1} fz={28} fw={650} mt={4}>
              {t('app.name')}
            </Title>
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="xs" p="xl" radius="md">
            <form
              noValidate
              aria-labelledby="login-title"
              onSubmit={(event: FormEvent) => {
                event.preventDefault();
                setChecked(true);
                if (!username.trim() || !password) return;
                mutation.mutate(
                  { username: username.trim(), password },
                  {
                    onSuccess: () => {
                      // Nothing of a previous session's data stays in the cache.
                      void import('@/lib/query-client')
                        .then(({ queryClient }) => queryClient.clear())
                        .finally(() => void navigate(safeNext(params.get('next')), { replace: true }));
                    },
                  },
                );
              }}
            >
              <Stack gap="md">
                <Title order={2} size="h4" id="login-title">
                  {t('login.title')}
                </Title>
                {notice && !mutation.isError ? (
                  <Alert
                    color={reason === 'expired' ? 'yellow' : 'blue'}
                    role="status"
                    icon={<IconInfoCircle size={18} aria-hidden />}
                  >
                    {notice}
                  </Alert>
                ) : null}
                {mutation.isError ? (
                  <Alert color="red" role="alert" icon={<IconAlertCircle size={18} aria-hidden />}>
                    {loginError(mutation.error)}
                  </Alert>
                ) : null}
                <TextInput
                  label={t('login.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  autoCorrect="off"
                  spellCheck={false}
                  required
                  data-autofocus
                  autoFocus
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  error={usernameError ?? serverFieldErrors.username}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={passwordError ?? serverFieldErrors.password}
                />
                <Button type="submit" loading={mutation.isPending} fullWidth mt={4} size="md">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center" mt="lg">
            <IconLock size={13} aria-hidden style={{ verticalAlign: '-2px', marginRight: 6 }} />
            {t('login.notice')}
          </Text>
        </Box>
      </Center>
    </Box>
  );
}
