import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { feeKeys } from '../keys';

/** Confirms a changed fee from `month`: a new fee record (the history stays). */
export function useConfirmFeeReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ decisionId, month, version }: { decisionId: string; month: string; version: number }) =>
      unwrap(
        await api.POST('/api/v1/fee-reviews/{decision_id}/confirm', {
          params: { path: { decision_id: decisionId } },
          body: { month, version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feeKeys.all }),
  });
}
