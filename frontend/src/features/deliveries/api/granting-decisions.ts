import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { deliveryKeys } from '../keys';

export interface GrantingDecision {
  decisionId: string;
  service: string;
  serviceName: { lt: string; en: string };
  decidedOn: string | null;
}

/**
 * A person's signed decisions granting one of `services` (`home_help`,
 * `respite`, `transport`…): from their file's applications that reached a
 * decision, each application read for its decision (purpose
 * `service_delivery`).
 */
export function grantingDecisionsQueryOptions(personId: string, services: readonly string[]) {
  return queryOptions({
    queryKey: deliveryKeys.decisions(personId, services),
    queryFn: async (): Promise<GrantingDecision[]> => {
      const header = { 'X-Purpose': 'service_delivery' as const };
      const file = unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id: personId }, header } }));
      const candidates = file.applications.filter(
        (a) => services.includes(a.service_type.code) && (a.status === 'decided' || a.status === 'notified'),
      );
      const found = await Promise.all(
        candidates.map(async (a) => {
          const application = unwrap(await api.GET('/api/v1/applications/{id}', { params: { path: { id: a.id }, header } }));
          const d = application.decision;
          if (!d || d.status !== 'signed' || d.outcome !== 'granted') return null;
          return {
            decisionId: d.id,
            service: a.service_type.code,
            serviceName: { lt: a.service_type.name_lt, en: a.service_type.name_en },
            decidedOn: d.decided_on ?? null,
          };
        }),
      );
      return found.filter((d): d is GrantingDecision => d !== null);
    },
  });
}

/** The signed granting decisions a schedule or a trip can be drawn from. */
export function useGrantingDecisions(personId: string | null, services: readonly string[]) {
  return useQuery({ ...grantingDecisionsQueryOptions(personId ?? '', services), enabled: Boolean(personId) });
}
