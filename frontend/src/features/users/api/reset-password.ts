import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { userKeys } from '../keys';

/** An administrator sets a new password for a user; the user's sessions end. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, password }: { id: string; version: number; password: string }) =>
      unwrap(
        await api.POST('/api/v1/users/{id}/password', {
          params: { path: { id } },
          body: { version, new_password: password },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
