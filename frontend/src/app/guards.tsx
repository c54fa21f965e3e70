import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { onSessionExpired } from '@/api/client';
import { restoreSession } from '@/lib/auth';
import { canOpen } from '@/lib/navigation';
import { useMe } from '@/lib/me';
import { session } from '@/lib/session';
import { Forbidden } from '@/components/forbidden';

type State = 'checking' | 'in' | 'out' | 'expired' | 'unreachable';

/** Shows its children only with a session; restores one after a reload. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>(() => (session.accessToken() ? 'in' : 'checking'));

  useEffect(() => {
    onSessionExpired(() => {
      // Several requests refused together each report it: the first one
      // has already brought the user to the login page.
      if (window.location.pathname === '/login') return;
      queryClient.clear();
      const here = encodeURIComponent(window.location.pathname + window.location.search);
      void navigate(`/login?reason=expired&next=${here}`, { replace: true });
    });
  }, [navigate, queryClient]);

  useEffect(() => {
    if (state !== 'checking') return;
    const hadSession = session.refreshToken() !== null;
    let cancelled = false;
    void restoreSession().then((outcome) => {
      if (cancelled) return;
      if (outcome === 'refreshed') setState('in');
      else if (outcome === 'unreachable') setState('unreachable');
      else setState(hadSession ? 'expired' : 'out');
    });
    return () => {
      cancelled = true;
    };
  }, [state]);

  if (state === 'checking') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (state === 'unreachable') {
    return (
      <Center h="100vh" p="md">
        <Stack maw={420}>
          <Alert color="orange" role="alert" title={t('errors.network')}>
            {t('errors.network_hint')}
          </Alert>
          <Button onClick={() => setState('checking')}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (state !== 'in') {
    const next = encodeURIComponent(location.pathname + location.search);
    const reason = state === 'expired' ? '&reason=expired' : '';
    return <Navigate to={`/login?next=${next}${reason}`} replace />;
  }
  return <>{children}</>;
}

/** Shows its children only to roles that may open `path`. */
export function RequireRole({ path, children }: { path: string; children: ReactNode }) {
  const me = useMe();
  if (!me.data) return null;
  return canOpen(me.data.roles, path) ? <>{children}</> : <Forbidden />;
}
