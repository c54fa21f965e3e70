import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { placeKeys } from '../keys';

export type ExtensionRequest = components['schemas']['ExtensionRequest'];

/** Extends a shelter stay with the threat that remains (R-DL-5). */
export function useExtendStay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ExtensionRequest }) =>
      unwrap(await api.POST('/api/v1/stays/{id}/extensions', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: placeKeys.all }),
  });
}
