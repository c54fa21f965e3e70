import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { catalogueKeys } from '../keys';

/** Withdraws a set of terms that is not in force yet (409 `parameters_in_force` otherwise). */
export function useDeleteProcedureParameters() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      unwrap(await api.DELETE('/api/v1/procedure-parameters/{id}', { params: { path: { id } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.procedureParameters() }),
  });
}
