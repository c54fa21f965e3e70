// RFC 9457 problem details from the API, as an Error.

import type { components } from './schema';

export type ProblemBody = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;

  constructor(body: Partial<ProblemBody>, status: number) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = body.status ?? status;
    this.code = body.code ?? 'unknown';
    this.errors = body.errors ?? [];
    this.requestId = body.request_id ?? undefined;
  }
}

/** Unwraps an openapi-fetch result: the data, or throws an ApiProblem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ProblemBody>;
    throw new ApiProblem(typeof body === 'object' && body ? body : {}, result.response.status);
  }
  return result.data as T;
}

/** The field errors of a problem, by field name (for forms). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  return Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
}
