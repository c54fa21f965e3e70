import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { deliveryKeys } from '../keys';

export type NewCouponIssue = components['schemas']['NewCouponIssue'];

/** Writes an issue in the coupon journal; never more than granted (R-LIM-5). */
export function useIssueCoupons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ grantId, body }: { grantId: string; body: NewCouponIssue }) =>
      unwrap(await api.POST('/api/v1/coupons/{id}/issues', { params: { path: { id: grantId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
  });
}
