import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { deliveryKeys } from '../keys';

export type CouponGrantView = components['schemas']['CouponGrantView'];
export type CouponBasis = components['schemas']['CouponBasis'];
export type CouponReceiver = components['schemas']['CouponReceiver'];

export function couponGrantsQueryOptions(personId: string | null, page: number) {
  return queryOptions({
    queryKey: deliveryKeys.coupons({ person: personId, page }),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/coupons', { params: { query: { person_id: personId ?? undefined, page, per_page: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

/** Meal coupon grants with their journals. */
export function useCouponGrants(personId: string | null, page = 1) {
  const me = useMe();
  return useQuery({ ...couponGrantsQueryOptions(personId, page), enabled: Boolean(me.data) });
}
