import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { deliveryKeys } from '../keys';

export type ScheduleView = components['schemas']['ScheduleView'];
export type ScheduleStatus = components['schemas']['ScheduleStatus'];
export type ScheduleService = components['schemas']['ScheduleService'];
export type RespiteOrganisation = components['schemas']['RespiteOrganisation'];

export interface ScheduleFilter {
  personId: string | null;
  status: ScheduleStatus | null;
  page: number;
}

export function schedulesQueryOptions(filter: ScheduleFilter) {
  return queryOptions({
    queryKey: deliveryKeys.schedules({ person: filter.personId, status: filter.status, page: filter.page }),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/schedules', {
          params: { query: { person_id: filter.personId ?? undefined, status: filter.status ?? undefined, page: filter.page, per_page: 50 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Home help and respite schedules, newest first. */
export function useSchedules(filter: ScheduleFilter) {
  const me = useMe();
  return useQuery({ ...schedulesQueryOptions(filter), enabled: Boolean(me.data) });
}
