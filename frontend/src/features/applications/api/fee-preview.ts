import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { applicationKeys } from '../keys';

/** The fee a decision would set for `hours` a month. */
export function useFeePreview(applicationId: string, hours: string, enabled: boolean) {
  return useQuery({
    queryKey: applicationKeys.fee(applicationId, hours),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/applications/{id}/fee', {
          params: { path: { id: applicationId }, query: { hours_per_month: hours }, header: { 'X-Purpose': 'decision' } },
        }),
      ),
    enabled: enabled && /^\d+([.]\d{1,2})?$/.test(hours),
    placeholderData: keepPreviousData,
  });
}
