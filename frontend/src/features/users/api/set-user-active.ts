import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { userKeys } from '../keys';

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, active }: { id: string; version: number; active: boolean }) => {
      const options = { params: { path: { id } }, body: { version } };
      return unwrap(
        active
          ? await api.POST('/api/v1/users/{id}/activate', options)
          : await api.POST('/api/v1/users/{id}/deactivate', options),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
