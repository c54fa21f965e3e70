import type { ReactNode } from 'react';

/** Chooses a person (the persons feature's picker, composed by the route). */
export type PersonPickerSlot = (props: { personId: string | null; onChange: (id: string | null) => void }) => ReactNode;

/** Hours as the API's decimal string: `"3.5"`, from what was typed (`3,5` too). */
export function decimalString(value: string | number): string {
  return String(value).trim().replace(',', '.');
}
