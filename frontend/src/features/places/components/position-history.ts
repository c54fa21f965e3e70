// What one change of a queue position says to the reader: the cause in
// words (someone ahead joined with an earlier decision, left, moved in) and
// the move itself (from 3 to 2).

import type { TFunction } from 'i18next';
import type { components } from '@/api/schema';

type PositionEventView = components['schemas']['PositionEventView'];

/** The causes the server records (`PositionEventView.cause`). */
export const POSITION_CAUSES = ['joined', 'ahead_joined', 'ahead_left', 'ahead_admitted', 'left', 'admitted'] as const;
export type PositionCause = (typeof POSITION_CAUSES)[number];

export function isPositionCause(cause: string): cause is PositionCause {
  return (POSITION_CAUSES as readonly string[]).includes(cause);
}

/** The cause in the reader's language; a cause this app does not know is shown as the server wrote it. */
export function causeLabel(t: TFunction, event: Pick<PositionEventView, 'cause' | 'cause_detail'>): string {
  if (!isPositionCause(event.cause)) return event.cause;
  const label = t(`places.cause.${event.cause}`);
  if ((event.cause === 'left' || event.cause === 'ahead_left') && event.cause_detail) {
    const key = `places.leave_reason.${event.cause_detail}`;
    const detail = t(key);
    return `${label} (${detail === key ? event.cause_detail : detail})`;
  }
  return label;
}

/** The move: `— → 3` (joined), `3 → 2`, `2 → —` (left or moved in). */
export function moveLabel(event: Pick<PositionEventView, 'from_position' | 'to_position'>): string {
  const at = (p: number | null | undefined) => (p === null || p === undefined ? '—' : String(p));
  return `${at(event.from_position)} → ${at(event.to_position)}`;
}

/** Whether the move brought the entry nearer the front. */
export function movedUp(event: Pick<PositionEventView, 'from_position' | 'to_position'>): boolean {
  return (
    event.from_position !== null &&
    event.from_position !== undefined &&
    event.to_position !== null &&
    event.to_position !== undefined &&
    event.to_position < event.from_position
  );
}
