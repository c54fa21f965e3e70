import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { onSessionExpired } from '@/api/client';
import { restoreSession } from '@/lib/auth';
import { canOpen } from '@/lib/navigation';
import { useMe } from '@/lib/me';
import { session } from '@/lib/session';
import { Forbidden } from '@/components/forbidden';

/** Shows its children only with a session; restores one after a reload. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, setState] = useState<'checking' | 'in' | 'out' | 'expired'>(() =>
    session.accessToken() ? 'in' : 'checking',
  );

  useEffect(() => {
    onSessionExpired(() => {
      queryClient.clear();
      navigate('/login?reason=expired', { replace: true });
    });
  }, [navigate, queryClient]);

  useEffect(() => {
    if (state !== 'checking') return;
    const hadSession = session.refreshToken() !== null;
    let cancelled = false;
    void restoreSession().then((ok) => {
      if (!cancelled) setState(ok ? 'in' : hadSession ? 'expired' : 'out');
    });
    return () => {
      cancelled = true;
    };
  }, [state]);

  if (state === 'checking') {
    return (
      <Center h="100vh">
        <Loader aria-label="…" />
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
