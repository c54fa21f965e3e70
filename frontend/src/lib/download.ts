import { refreshSession } from '@/api/client';
import { ApiProblem } from '@/api/problem';
import { session } from '@/lib/session';
import type { Purpose } from '@/lib/purpose';

export type ExportFormat = 'csv' | 'xlsx';

export const MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
} as const;

export interface DownloadOptions {
  /** The `Accept` header: what the server should answer. */
  accept: string;
  /** The file name the browser saves it as. */
  filename: string;
  /** `X-Purpose` of an audited read (case content). */
  purpose?: Purpose;
}

/**
 * Fetches `url` with the access token and hands the answer to the browser
 * to save. A plain link would go without the token (it lives in memory).
 * A problem answer is thrown as an `ApiProblem`.
 */
export async function downloadFile(url: string, { accept, filename, purpose }: DownloadOptions): Promise<void> {
  const get = () =>
    fetch(url, {
      headers: {
        Authorization: `Bearer ${session.accessToken() ?? ''}`,
        Accept: accept,
        ...(purpose ? { 'X-Purpose': purpose } : {}),
      },
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
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
