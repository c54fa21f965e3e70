// An answer to an offer as the form checks it before sending (the server
// checks it again): a declining reason that keeps the place needs the day
// until which it is kept (DeclineReason::keeps_place).

import type { components } from '@/api/schema';

type DeclineReason = components['schemas']['DeclineReason'];

export const ANSWERS = ['accepted', 'declined', 'no_reply'] as const;
export type Answer = (typeof ANSWERS)[number];

/** The declining reasons after which the person keeps the place in the queue. */
export const KEEPS_PLACE: readonly DeclineReason[] = ['temporarily_unable', 'not_ready_yet'];

export interface AnswerValues {
  answer: Answer | null;
  decline_reason: DeclineReason | null;
  hold_until: string | null;
  visit_on: string | null;
  note: string;
}

export type AnswerError = 'required' | 'not_after_today' | 'reply_date_not_passed';

/** The problems of `values`, by field. */
export function answerErrors(values: AnswerValues, today: string, replyBy: string): Record<string, AnswerError> {
  const errors: Record<string, AnswerError> = {};
  if (!values.answer) errors.answer = 'required';
  if (values.answer === 'no_reply' && today <= replyBy) errors.answer = 'reply_date_not_passed';
  if (values.answer === 'declined') {
    if (!values.decline_reason) errors.decline_reason = 'required';
    else if (KEEPS_PLACE.includes(values.decline_reason)) {
      if (!values.hold_until) errors.hold_until = 'required';
      else if (values.hold_until <= today) errors.hold_until = 'not_after_today';
    }
  }
  return errors;
}
