import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { serviceTypeKeys } from '@/lib/catalogue';

export type ServiceType = components['schemas']['ServiceTypeView'];
export type ServiceTypeSpec = components['schemas']['ServiceTypeSpec'];
export type UpdateServiceTypeInput = components['schemas']['UpdateServiceTypeRequest'];

export function useUpdateServiceType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateServiceTypeInput }) =>
      unwrap(await api.PUT('/api/v1/service-types/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: serviceTypeKeys.all }),
  });
}
