// The steps on an application and its decision. Each sends the version the
// client read; the answer is the updated application (or decision). After
// each (done or refused: a refusal may mean the page is stale) the
// application is read again, and `onChanged` refreshes what other features
// show of it (the person's file, the division's inbox): this feature does not
// know them; the route that composes the page does.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { components } from '@/api/schema';
import { applicationKeys } from '../keys';

type Schemas = components['schemas'];

/** Called after a step on an application, for the data of other features that show it. */
export type OnApplicationChanged = () => void;

function useStep<T>(applicationId: string, onChanged: OnApplicationChanged | undefined, run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: applicationKeys.detail(applicationId) });
      onChanged?.();
    },
  });
}

export function useRecordAssessment(id: string, onChanged?: OnApplicationChanged) {
  return useStep(id, onChanged, async (body: Schemas['AssessmentRequest']) =>
    unwrap(await api.PUT('/api/v1/applications/{id}/assessment', { params: { path: { id } }, body })),
  );
}

export function useForward(id: string, onChanged?: OnApplicationChanged) {
  return useStep(id, onChanged, async (body: Schemas['ForwardRequest']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/forward', { params: { path: { id } }, body })),
  );
}

export function useReturn(id: string, onChanged?: OnApplicationChanged) {
  return useStep(id, onChanged, async (body: Schemas['ReasonBody']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/return', { params: { path: { id } }, body })),
  );
}

export function useWithdraw(id: string, onChanged?: OnApplicationChanged) {
  return useStep(id, onChanged, async (body: Schemas['ReasonBody']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id } }, body })),
  );
}

export function useUpdateApplication(id: string, onChanged?: OnApplicationChanged) {
  return useStep(id, onChanged, async (body: Schemas['UpdateApplicationRequest']) =>
    unwrap(await api.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body })),
  );
}

export function usePrepareDecision(id: string, onChanged?: OnApplicationChanged) {
  return useStep(id, onChanged, async (body: Schemas['PrepareDecisionRequest']) =>
    unwrap(await api.POST('/api/v1/applications/{id}/decision', { params: { path: { id } }, body })),
  );
}

export function useSignDecision(applicationId: string, onChanged?: OnApplicationChanged) {
  return useStep(applicationId, onChanged, async ({ decisionId, version }: { decisionId: string; version: number }) =>
    unwrap(await api.POST('/api/v1/decisions/{id}/sign', { params: { path: { id: decisionId } }, body: { version } })),
  );
}

export function useRecordNotification(applicationId: string, onChanged?: OnApplicationChanged) {
  return useStep(
    applicationId,
    onChanged,
    async ({ decisionId, body }: { decisionId: string; body: Schemas['NotificationRequest'] }) =>
      unwrap(await api.POST('/api/v1/decisions/{id}/notification', { params: { path: { id: decisionId } }, body })),
  );
}

/** R-DL-2: when and to whom the signed decision and the file were handed. */
export function useRecordHandover(applicationId: string, onChanged?: OnApplicationChanged) {
  return useStep(
    applicationId,
    onChanged,
    async ({ decisionId, body }: { decisionId: string; body: Schemas['HandoverRequest'] }) =>
      unwrap(await api.POST('/api/v1/decisions/{id}/handover', { params: { path: { id: decisionId } }, body })),
  );
}
