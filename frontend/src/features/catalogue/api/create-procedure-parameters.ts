import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { catalogueKeys } from '../keys';

export type CreateParametersInput = components['schemas']['CreateParametersRequest'];

/** New case-management terms from a date (today or later). */
export function useCreateProcedureParameters() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateParametersInput) => unwrap(await api.POST('/api/v1/procedure-parameters', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.procedureParameters() }),
  });
}
