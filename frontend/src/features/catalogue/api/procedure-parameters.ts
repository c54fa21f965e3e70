import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { catalogueKeys } from '../keys';

export type ParametersView = components['schemas']['ParametersView'];
export type ParameterSet = components['schemas']['ParameterSetView'];
export type ProcedureParameters = components['schemas']['ProcedureParameters'];

export const procedureParametersQueryOptions = queryOptions({
  queryKey: catalogueKeys.procedureParameters(),
  queryFn: async () => unwrap(await api.GET('/api/v1/procedure-parameters')),
});

/** The case-management terms (R-CMP-1, -2, -4): every set by date, the defaults and what is in force today. */
export function useProcedureParameters() {
  return useQuery(procedureParametersQueryOptions);
}
