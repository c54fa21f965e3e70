import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import type { Purpose } from '@/lib/purpose';

export type QuoteRequest = components['schemas']['QuoteRequest'];
export type FeeBreakdown = components['schemas']['FeeBreakdown'];

/**
 * Quotes a fee (nothing is stored). For a stored person the read of their
 * income is recorded with `purpose`; a household typed in needs none.
 */
export function useQuoteFee() {
  return useMutation({
    mutationFn: async ({ body, purpose }: { body: QuoteRequest; purpose: Purpose | null }) =>
      unwrap(
        await api.POST('/api/v1/fee-quotes', {
          body,
          params: { header: purpose ? { 'X-Purpose': purpose } : {} },
        }),
      ),
  });
}
