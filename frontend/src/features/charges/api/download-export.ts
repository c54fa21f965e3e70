import { useMutation } from '@tanstack/react-query';
import { refreshSession } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import { session } from '@/lib/session';

export type ExportFormat = 'csv' | 'xlsx';

const ACCEPT: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Downloads a run's export for the accounting system. A plain link would
 * go without the access token (it lives in memory), so the file is fetched
 * with it and handed to the browser to save (as the case plan's PDF).
 */
export function useDownloadExport(runId: string, month: string) {
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const url = `/api/v1/charge-runs/${runId}/export.${format}`;
      const get = () =>
        fetch(url, { headers: { Authorization: `Bearer ${session.accessToken() ?? ''}`, Accept: ACCEPT[format] } });
      let response = await get();
      if (response.status === 401 && (await refreshSession()) === 'refreshed') response = await get();
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => ({}));
        throw new ApiProblem(typeof body === 'object' && body !== null ? body : {}, response.status);
      }
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `mokesciai-${month}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
  });
}
