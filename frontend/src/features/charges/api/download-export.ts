import { useMutation } from '@tanstack/react-query';
import { downloadFile, MEDIA_TYPES, type ExportFormat } from '@/lib/download';

export type { ExportFormat };

/** Downloads a run's export for the accounting system. */
export function useDownloadExport(runId: string, month: string) {
  return useMutation({
    mutationFn: (format: ExportFormat) =>
      downloadFile(`/api/v1/charge-runs/${runId}/export.${format}`, {
        accept: MEDIA_TYPES[format],
        filename: `mokesciai-${month}.${format}`,
      }),
  });
}
