import { roleValues, type components } from '@/api/schema';

export type Role = components['schemas']['Role'];

/** Every role (generated from the API), in the order the landing page shows them. */
export const ROLES: readonly Role[] = roleValues;

/** Who records people, their income and certificates (`write_persons`). */
export const PERSON_WRITERS: readonly Role[] = ['social_worker', 'case_manager', 'division_specialist'];

/** Who receives applications and keeps their documents checklist. */
export const RECEIVERS: readonly Role[] = ['social_worker', 'case_manager'];

/** Whether `roles` include any of `wanted`. */
export function hasAnyRole(roles: readonly Role[] | undefined, wanted: readonly Role[]): boolean {
  return (roles ?? []).some((r) => wanted.includes(r));
}
