import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
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

/**
 * One run, polled every second while it is running. When it ends, the list
 * of runs is refreshed (it was read while the run was running).
 */
export function useChargeRun(id: string | null) {
  const queryClient = useQueryClient();
  const run = useQuery({ ...runQueryOptions(id ?? ''), enabled: Boolean(id) });
  const status = run.data?.status;
  useEffect(() => {
    if (status && status !== 'running') void queryClient.invalidateQueries({ queryKey: chargeKeys.runsAll() });
  }, [status, queryClient]);
  return run;
}
