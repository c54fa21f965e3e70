import { useMutation } from '@tanstack/react-query';
import { downloadFile, MEDIA_TYPES } from '@/lib/download';

/** Downloads version `number` of the plan as the PDF the family signs. */
export function useDownloadPlanPdf(caseId: string) {
  return useMutation({
    mutationFn: (number: number) =>
      downloadFile(`/api/v1/cases/${caseId}/plan/versions/${number}/pdf`, {
        accept: MEDIA_TYPES.pdf,
        filename: `pagalbos-planas-${number}.pdf`,
        purpose: 'case_management',
      }),
  });
}
