// The case-management terms (R-CMP-1, R-CMP-2, R-CMP-4) as the administrator
// edits them: their order on the page, the ranges the server accepts, and
// whether a set is in force, planned or replaced.

import type { ParameterSet, ProcedureParameters } from './api/procedure-parameters';

export type ParameterField = keyof ProcedureParameters;

/** Each term with the rule it sets and the whole numbers the server accepts (CreateParametersRequest). */
export const PARAMETER_FIELDS: readonly { field: ParameterField; rule: string; min: number; max: number }[] = [
  { field: 'assignment_working_days', rule: 'R-CMP-1', min: 1, max: 30 },
  { field: 'first_meeting_working_days', rule: 'R-CMP-2', min: 1, max: 60 },
  { field: 'review_interval_months', rule: 'R-CMP-4', min: 1, max: 6 },
];

/** Whether `value` (as a number input holds it) is a whole number from `min` to `max`. */
export function inRange(value: number | string, min: number, max: number): boolean {
  if (typeof value === 'string' && value.trim() === '') return false;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max;
}

export type ParameterStatus = 'in_force' | 'planned' | 'past';

/** A set is in force (as the server says), planned (from a later day), or was replaced. */
export function parameterStatus(set: Pick<ParameterSet, 'in_force' | 'valid_from'>, today: string): ParameterStatus {
  if (set.in_force) return 'in_force';
  return set.valid_from > today ? 'planned' : 'past';
}

/** Whether two sets of terms are the same. */
export function sameParameters(a: ProcedureParameters, b: ProcedureParameters): boolean {
  return PARAMETER_FIELDS.every(({ field }) => a[field] === b[field]);
}
