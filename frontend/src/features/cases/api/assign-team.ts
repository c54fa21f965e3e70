import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type AssignTeamInput = components['schemas']['AssignTeamRequest'];

/** Assigns (or replaces) the case manager and the family's social worker. */
export function useAssignTeam(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: AssignTeamInput) =>
      unwrap(await api.PUT('/api/v1/cases/{id}/team', { params: { path: { id: caseId } }, body })),
    onSuccess: (view) => {
      queryClient.setQueryData(caseKeys.detail(caseId), view);
      return queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}
