import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { chargeKeys } from '../keys';

/** How often a running run is asked for its progress. */
export const POLL_MS = 1000;

export function runQueryOptions(id: string) {
  return queryOptions({
    queryKey: chargeKeys.run(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/charge-runs/{id}', { params: { path: { id } } })),
    // Every second while it runs; never again once it is done or failed.
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

/** One run, polled every second while it is running. */
export function useChargeRun(id: string | null) {
  return useQuery({ ...runQueryOptions(id ?? ''), enabled: Boolean(id) });
}
