import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { personKeys } from '../keys';

export type AddCertificateInput = components['schemas']['AddCertificateRequest'];

export function useAddCertificate(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AddCertificateInput) =>
      unwrap(await api.POST('/api/v1/persons/{id}/certificates', { params: { path: { id: personId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.detail(personId) }),
  });
}
