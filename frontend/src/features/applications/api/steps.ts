// The steps on an application and its decision. Each sends the version the
// client read; the answer is the updated application (or decision).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];

function useStep<T>(applicationId: string, run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['application', applicationId] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['person'] });
    },
  });
}

export function useRecordAssessment(id: string) {
  return useStep(id, async (body: Schemas['AssessmentRequest']) =>
    unwrap(await api.PUT('/api/v1/applications/{id}/assessment', { params: { path: { id } }, body })),
  );
}

export function useForward(id: string) {
  return useStep(id, async (body: Schemas['ForwardRequest']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/forward', { params: { path: { id } }, body })),
  );
}

export function useReturn(id: string) {
  return useStep(id, async (body: Schemas['ReasonBody']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/return', { params: { path: { id } }, body })),
  );
}

export function useWithdraw(id: string) {
  return useStep(id, async (body: Schemas['ReasonBody']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id } }, body })),
  );
}

export function useUpdateApplication(id: string) {
  return useStep(id, async (body: Schemas['UpdateApplicationRequest']) =>
    unwrap(await api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body })),
  );
}

export function usePrepareDecision(id: string) {
  return useStep(id, async (body: Schemas['PrepareDecisionRequest']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/decision', { params: { path: { id } }, body })),
  );
}

export function useSignDecision(applicationId: string) {
  return useStep(applicationId, async ({ decisionId, version }: { decisionId: string; version: number }) =>
    unwrap(await api.POST('/api/v1/decisions/{id}/sign', { params: { path: { id: decisionId } }, body: { version } })),
  );
}

export function useRecordNotification(applicationId: string) {
  return useStep(
    applicationId,
    async ({ decisionId, body }: { decisionId: string; body: Schemas['NotificationRequest'] }) =>
      unwrap(await api.POST('/api/v1/decisions/{id}/notification', { params: { path: { id: decisionId } }, body })),
  );
}
