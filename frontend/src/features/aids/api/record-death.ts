import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { aidKeys } from '../keys';

/** Records the user's death on a loan: the item is due back within 30 days (R-LIM-6). */
export function useRecordDeath() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, diedOn, version }: { id: string; diedOn: string; version: number }) =>
      unwrap(
        await api.POST('/api/v1/aid-loans/{id}/death', {
          params: { path: { id } },
          body: { died_on: diedOn, version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aidKeys.all }),
  });
}
