import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { chargeKeys } from '../keys';

/** Starts the charges run of `month` (`YYYY-MM`, a month already ended). */
export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (month: string) => unwrap(await api.POST('/api/v1/charge-runs', { body: { month } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chargeKeys.all }),
  });
}
