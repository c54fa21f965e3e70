import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type VisitView = components['schemas']['VisitView'];

const PER_PAGE = 100;
/** A schedule has a few visits a week; 20 pages are years of them. */
const MAX_PAGES = 20;

export function visitsQueryOptions(scheduleId: string) {
  return queryOptions({
    queryKey: deliveryKeys.visits(scheduleId),
    queryFn: async () => {
      const all: VisitView[] = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        const answer = unwrap(
          await api.GET('/api/v1/deliveries', { params: { query: { schedule_id: scheduleId, page, per_page: PER_PAGE } } }),
        );
        all.push(...answer.items);
        if (all.length >= answer.total || answer.items.length === 0) break;
      }
      return all;
    },
  });
}

/** Every visit of a schedule (for its week-by-week log and the year's hours). */
export function useVisits(scheduleId: string | null) {
  return useQuery({ ...visitsQueryOptions(scheduleId ?? ''), enabled: Boolean(scheduleId) });
}
