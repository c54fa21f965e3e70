import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';

export type ChangePasswordInput = components['schemas']['ChangePasswordRequest'];

/** Changes the signed-in user's password; the server ends their other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: ChangePasswordInput) => {
      unwrap(await api.POST('/api/v1/me/password', { body }));
    },
  });
}
