import { useMutation } from '@tanstack/react-query';
import { refreshSession } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import { session } from '@/lib/session';

/**
 * Downloads version `number` of the plan as the PDF the family signs. A
 * plain link would go without the access token (it lives in memory), so
 * the file is fetched with it and handed to the browser to save.
 */
export function useDownloadPlanPdf(caseId: string) {
  return useMutation({
    mutationFn: async (number: number) => {
      const url = `/api/v1/cases/${caseId}/plan/versions/${number}/pdf`;
      const get = () =>
        fetch(url, {
          headers: { Authorization: `Bearer ${session.accessToken() ?? ''}`, 'X-Purpose': 'case_management', Accept: 'application/pdf' },
        });
      let response = await get();
      if (response.status === 401 && (await refreshSession()) === 'refreshed') response = await get();
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => ({}));
        throw new ApiProblem(typeof body === 'object' && body !== null ? body : {}, response.status);
      }
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `pagalbos-planas-${number}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
  });
}
