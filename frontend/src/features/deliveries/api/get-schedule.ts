import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { deliveryKeys } from '../keys';

export function scheduleQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...deliveryKeys.all, 'schedule', id] as const,
    queryFn: async () => unwrap(await api.GET('/api/v1/schedules/{id}', { params: { path: { id } } })),
  });
}

/** One schedule. */
export function useSchedule(id: string | null) {
  return useQuery({ ...scheduleQueryOptions(id ?? ''), enabled: Boolean(id) });
}
