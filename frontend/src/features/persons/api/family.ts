import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { personKeys } from '../keys';

export type MemberInput = components['schemas']['MemberInput'];

/** A family with its members (the read is audited with the reader's purpose); only when `enabled`. */
export function useFamily(id: string, enabled: boolean) {
  const me = useMe();
  const purpose = purposeFor(me.data?.roles);
  return useQuery({
    queryKey: personKeys.family(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/families/{id}', { params: { path: { id }, header: { 'X-Purpose': purpose } } })).family,
    enabled: enabled && Boolean(me.data),
  });
}

/** People matching `q` (two letters at least), to add to a family. */
export function useMemberChoices(q: string) {
  const me = useMe();
  const purpose = purposeFor(me.data?.roles);
  return useQuery({
    queryKey: personKeys.memberChoices(q),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { q, per_page: 10 }, header: { 'X-Purpose': purpose } } })).items,
    placeholderData: keepPreviousData,
    enabled: q.trim().length >= 2 && Boolean(me.data),
  });
}

/** Adds a member to a family; every file showing the family is read again. */
export function useAddMember(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MemberInput) =>
      unwrap(await api.POST('/api/v1/families/{id}/members', { params: { path: { id: familyId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}

/** Removes a member from a family. */
export function useRemoveMember(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (personId: string) =>
      unwrap(
        await api.DELETE('/api/v1/families/{id}/members/{person_id}', {
          params: { path: { id: familyId, person_id: personId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}
