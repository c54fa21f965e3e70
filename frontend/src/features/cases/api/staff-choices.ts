import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { caseKeys } from '../keys';

type StaffRef = components['schemas']['StaffRef'];

export interface StaffChoices {
  caseManagers: StaffRef[];
  socialWorkers: StaffRef[];
}

// The list of users (`GET /users`) is the administrator's alone: the head of
// the unit has no endpoint that lists staff by role. Until there is one, the
// team is chosen among the people on the teams of the cases the head sees
// (all of the municipality's), and the head themself as a case manager.
export const staffChoicesQueryOptions = (me: StaffRef | null) =>
  queryOptions({
    queryKey: caseKeys.staff(),
    queryFn: async (): Promise<StaffChoices> => {
      const managers = new Map<string, StaffRef>();
      const workers = new Map<string, StaffRef>();
      if (me) managers.set(me.id, me);
      for (let page = 1; page <= 5; page += 1) {
        const result = unwrap(
          await api.GET('/api/v1/cases', {
            params: { query: { page, per_page: 100 }, header: { 'X-Purpose': 'case_management' } },
          }),
        );
        for (const c of result.items) {
          if (c.case_manager) managers.set(c.case_manager.id, c.case_manager);
          if (c.social_worker) workers.set(c.social_worker.id, c.social_worker);
        }
        if (page * 100 >= result.total) break;
      }
      const sorted = (m: Map<string, StaffRef>) =>
        [...m.values()].sort((a, b) => a.display_name.localeCompare(b.display_name, 'lt'));
      return { caseManagers: sorted(managers), socialWorkers: sorted(workers) };
    },
    staleTime: 60_000,
  });

/** Whom a case's team can be made of (see above why not `GET /users`). */
export function useStaffChoices() {
  const me = useMe();
  const self = me.data ? { id: me.data.id, display_name: me.data.display_name } : null;
  return useQuery({ ...staffChoicesQueryOptions(self), enabled: Boolean(me.data) });
}
