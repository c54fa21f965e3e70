import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewCouponGrant = components['schemas']['NewCouponGrant'];

/** Records a coupon grant: the commission's decision, or the director's 30 for a return from prison (R-LIM-5). */
export function useGrantCoupons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewCouponGrant) => unwrap(await api.POST('/api/v1/coupons', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}
