import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';

export type CreateApplicationInput = components['schemas']['CreateApplicationRequest'];

/**
 * Receives an application. What other features show of it (the person's
 * file, the inbox) is refreshed by the caller: `onChanged` of the intake
 * wizard, wired by its route.
 */
export function useCreateApplication() {
  return useMutation({
    mutationFn: async (body: CreateApplicationInput) => unwrap(await api.POST('/api/v1/applications', { body })),
  });
}
