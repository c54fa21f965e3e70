// The admission checklist's rules as the form checks them before sending
// (the server checks them again: R-LIM-7 and the facility's checklist).

import dayjs from 'dayjs';
import type { components } from '@/api/schema';

type ChecklistItem = components['schemas']['ChecklistItem'];

/** The checklist item that is the F027/a medical extract (R-LIM-7). */
export const ITEM_F027A_EXTRACT = 'f027a_extract';
/** R-LIM-7: the extract is valid for moving in up to 3 months after it was issued. */
export const EXTRACT_VALID_MONTHS = 3;

export interface AdmissionValues {
  moving_in_on: string | null;
  /** Each checklist item's code: whether it is done. */
  done: Record<string, boolean>;
  extract_027a_issued_on: string | null;
}

export type AdmissionError = 'required' | 'item_missing' | 'extract_missing' | 'extract_after_moving_in' | 'extract_too_old' | 'before_offer';

/** The problems of `values`, by field (`moving_in_on`, `extract_027a_issued_on`, `checklist.<code>`). */
export function admissionErrors(
  values: AdmissionValues,
  checklist: readonly ChecklistItem[],
  offeredOn: string,
): Record<string, AdmissionError> {
  const errors: Record<string, AdmissionError> = {};
  if (!values.moving_in_on) errors.moving_in_on = 'required';
  else if (values.moving_in_on < offeredOn) errors.moving_in_on = 'before_offer';
  for (const item of checklist) {
    if (item.required && !values.done[item.code]) errors[`checklist.${item.code}`] = 'item_missing';
  }
  if (checklist.some((i) => i.code === ITEM_F027A_EXTRACT)) {
    const issued = values.extract_027a_issued_on;
    if (!issued) errors.extract_027a_issued_on = 'extract_missing';
    else if (values.moving_in_on) {
      if (issued > values.moving_in_on) errors.extract_027a_issued_on = 'extract_after_moving_in';
      else if (dayjs(issued).add(EXTRACT_VALID_MONTHS, 'month').format('YYYY-MM-DD') < values.moving_in_on)
        errors.extract_027a_issued_on = 'extract_too_old';
    }
  }
  return errors;
}
