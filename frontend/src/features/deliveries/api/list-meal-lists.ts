import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { deliveryKeys } from '../keys';

export type MealListView = components['schemas']['MealListView'];

export function mealListsQueryOptions(servedOn: string) {
  return queryOptions({
    queryKey: deliveryKeys.mealLists({ served_on: servedOn }),
    queryFn: async () => unwrap(await api.GET('/api/v1/meal-lists', { params: { query: { served_on: servedOn, per_page: 100 } } })).items,
    placeholderData: keepPreviousData,
  });
}

/** The named meal lists of a day with their recipients. */
export function useMealLists(servedOn: string) {
  const me = useMe();
  return useQuery({ ...mealListsQueryOptions(servedOn), enabled: Boolean(me.data) });
}
