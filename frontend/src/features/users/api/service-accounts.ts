import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';

export type ServiceAccount = components['schemas']['ServiceAccountView'];
export type ServiceScope = components['schemas']['ServiceScope'];

const keys = { all: ['service-accounts'] as const };

/** The service accounts of the municipality, by name. */
export function useServiceAccounts() {
  return useQuery({ queryKey: keys.all, queryFn: async () => unwrap(await api.GET('/api/v1/service-accounts')) });
}

/** Creates an account; the answer carries its secret, shown once. */
export function useCreateServiceAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; scopes: ServiceScope[] }) => unwrap(await api.POST('/api/v1/service-accounts', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Gives an account a new secret (the old one stops working) or deactivates it. */
export function useServiceAccountAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ account, action }: { account: ServiceAccount; action: 'rotate' | 'deactivate' }) => {
      const options = { params: { path: { id: account.id } }, body: { version: account.version } };
      if (action === 'rotate') return unwrap(await api.POST('/api/v1/service-accounts/{id}/secret', options));
      return { account: unwrap(await api.POST('/api/v1/service-accounts/{id}/deactivate', options)), client_secret: null };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
