import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';

export type CreateApplicationInput = components['schemas']['CreateApplicationRequest'];

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateApplicationInput) => unwrap(await api.POST('/api/v1/applications', { body })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['person', created.person.id] });
    },
  });
}
