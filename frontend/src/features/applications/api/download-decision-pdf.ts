import { useMutation } from '@tanstack/react-query';
import { downloadFile, MEDIA_TYPES } from '@/lib/download';

/** Which document of a decision: the decision (SP-9) or the letter notifying the person (R-DL-3). */
export type DecisionDocument = 'decision' | 'letter';

/** Downloads a decision's document as PDF (an audited read for the purpose "decision"). */
export function useDownloadDecisionPdf(decisionId: string) {
  return useMutation({
    mutationFn: (document: DecisionDocument) =>
      downloadFile(
        document === 'decision' ? `/api/v1/decisions/${decisionId}/pdf` : `/api/v1/decisions/${decisionId}/notification-letter/pdf`,
        {
          accept: MEDIA_TYPES.pdf,
          filename: document === 'decision' ? 'sprendimas.pdf' : 'pranesimas.pdf',
          purpose: 'decision',
        },
      ),
  });
}
