// Turns API problems and network failures into messages in the user's
// language: a translation for each known `code`, else the server's detail.

import type { TFunction } from 'i18next';
import i18n from '@/i18n';
import { ApiProblem, formField } from '@/api/problem';

/** Whole minutes to wait, from `Retry-After` (15 when the server sent none). */
export function waitMinutes(error: ApiProblem): number {
  return Math.max(1, Math.ceil((error.retryAfter ?? 15 * 60) / 60));
}

/** A message for any error of an API call. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.code === 'too_many_attempts') return t('errors.codes.too_many_attempts', { minutes: waitMinutes(error) });
    const key = `errors.codes.${error.code}`;
    if (i18n.exists(key)) return t(key);
    if (error.status >= 500) return t('errors.server');
    return error.detail;
  }
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unexpected');
}

/**
 * Field errors of a problem by form field (`roles[1]` → `roles`), each
 * translated by its `code` when we know it, else the server's message.
 */
export function fieldErrorMessages(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const field = formField(e.field);
    if (out[field]) continue;
    const key = `errors.fields.${e.code}`;
    out[field] = i18n.exists(key) ? t(key) : e.message;
  }
  return out;
}

/**
 * The message for the form as a whole: none when every field error is shown
 * next to a field of the form.
 */
export function formErrorMessage(t: TFunction, error: unknown, fields: readonly string[]): string | null {
  if (!error) return null;
  if (error instanceof ApiProblem && error.errors.length > 0) {
    const unplaced = error.errors.filter((e) => !fields.includes(formField(e.field)));
    if (unplaced.length === 0) return null;
    const first = unplaced[0];
    if (first) {
      const key = `errors.fields.${first.code}`;
      return i18n.exists(key) ? t(key) : errorMessage(t, error);
    }
  }
  return errorMessage(t, error);
}
