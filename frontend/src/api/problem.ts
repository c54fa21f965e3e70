// RFC 9457 problem details from the API, as an Error.

import i18n from '@/i18n';
import type { components } from './schema';

export type ProblemBody = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type MissingIncome = components['schemas']['MissingIncomeEntry'];

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's explanation (English; shown when no translation exists). */
  readonly detail: string;
  readonly errors: FieldError[];
  /** `income_incomplete`: whose income is missing for which months (R-FEE-1). */
  readonly missing: MissingIncome[];
  readonly requestId: string | undefined;
  /** Seconds from `Retry-After` (429, 503), when the server sent it. */
  readonly retryAfter: number | undefined;

  constructor(body: Partial<ProblemBody>, status: number, retryAfter?: number) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = body.status ?? status;
    this.code = body.code ?? 'unknown';
    this.detail = this.message;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.missing = Array.isArray(body.missing) ? body.missing : [];
    this.requestId = body.request_id ?? undefined;
    this.retryAfter = retryAfter;
  }
}

/** `Retry-After` in seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Unwraps an openapi-fetch result: the data, or throws an ApiProblem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error;
    throw new ApiProblem(
      typeof body === 'object' && body !== null ? (body as Partial<ProblemBody>) : {},
      result.response.status,
      parseRetryAfter(result.response.headers.get('Retry-After')),
    );
  }
  return result.data as T;
}

/**
 * The form field a server field error belongs to: `roles[1]` → `roles`,
 * `members[0].relation` stays as it is for nested forms that use it.
 */
export function formField(path: string): string {
  return path.replace(/\[\d+\]$/, '');
}

/**
 * The server's field errors of a problem, by form field, each in the
 * user's language by its stable `code` (the server's English message only
 * for a code this build does not know yet).
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const key = `errors.fields.${e.code}`;
    out[formField(e.field)] ??= i18n.exists(key) ? i18n.t(key) : e.message;
  }
  return out;
}
