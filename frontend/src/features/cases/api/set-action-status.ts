import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { caseKeys } from '../keys';

export type ActionStatusInput = components['schemas']['ActionStatusRequest'];

/** The status of an action of the agreed plan (not done needs a reason). */
export function useSetActionStatus(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ actionId, body }: { actionId: string; body: ActionStatusInput }) =>
      unwrap(
        await api.PATCH('/api/v1/cases/{id}/plan/actions/{action_id}', {
          params: { path: { id: caseId, action_id: actionId } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
