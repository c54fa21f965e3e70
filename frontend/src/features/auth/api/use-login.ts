import { useState } from 'react';
import { login } from '@/lib/auth';

type State = { status: 'idle' | 'pending' | 'success' } | { status: 'error'; error: unknown };

/**
 * Logging in, with its pending and error state (plain React state: the
 * query library is not part of the login page's download).
 */
export function useLogin() {
  const [state, setState] = useState<State>({ status: 'idle' });
  const mutate = (credentials: { username: string; password: string }, options?: { onSuccess?: () => void }) => {
    setState({ status: 'pending' });
    login(credentials.username, credentials.password).then(
      () => {
        setState({ status: 'success' });
        options?.onSuccess?.();
      },
      (error: unknown) => setState({ status: 'error', error }),
    );
  };
  return {
    mutate,
    isPending: state.status === 'pending',
    isSuccess: state.status === 'success',
    isError: state.status === 'error',
    error: state.status === 'error' ? state.error : null,
  };
}
