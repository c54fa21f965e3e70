import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { caseKeys } from '../keys';

type StaffRef = components['schemas']['StaffRef'];

/** The shape of `GET /cases/caseloads` (contract of issue 9). */
export interface Caseloads {
  managers: { user: StaffRef; open_cases: number; overdue_cases: number }[];
  awaiting_assignment: number;
  assignment_overdue: number;
}

// Until `GET /cases/caseloads` is served, the caseloads are counted here from
// the list of the municipality's open cases (the head sees them all).
export const caseloadsQueryOptions = queryOptions({
  queryKey: caseKeys.caseloads(),
  queryFn: async (): Promise<Caseloads> => {
    const managers = new Map<string, Caseloads['managers'][number]>();
    let awaiting = 0;
    let assignmentOverdue = 0;
    for (let page = 1; page <= 10; page += 1) {
      const result = unwrap(
        await api.GET('/api/v1/cases', {
          params: { query: { status: 'active', page, per_page: 100 }, header: { 'X-Purpose': 'case_management' } },
        }),
      );
      for (const c of result.items) {
        if (!c.case_manager) {
          awaiting += 1;
          if (c.overdue > 0) assignmentOverdue += 1;
          continue;
        }
        const load = managers.get(c.case_manager.id) ?? { user: c.case_manager, open_cases: 0, overdue_cases: 0 };
        load.open_cases += 1;
        if (c.overdue > 0) load.overdue_cases += 1;
        managers.set(c.case_manager.id, load);
      }
      if (page * 100 >= result.total) break;
    }
    return {
      managers: [...managers.values()].sort((a, b) => a.user.display_name.localeCompare(b.user.display_name, 'lt')),
      awaiting_assignment: awaiting,
      assignment_overdue: assignmentOverdue,
    };
  },
});

/** Each case manager's open and overdue cases, and the cases waiting for a team. */
export function useCaseloads() {
  const me = useMe();
  return useQuery({ ...caseloadsQueryOptions, enabled: Boolean(me.data) });
}
