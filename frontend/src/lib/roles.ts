import { roleValues, type components } from '@/api/schema';

export type Role = components['schemas']['Role'];

/** Every role (generated from the API), in the order the landing page shows them. */
export const ROLES: readonly Role[] = roleValues;

export type Permission = components['schemas']['Permission'];

/** Whether the account may do `permission`: the server lists what each account may do (no copy of the role matrix here). */
export function can(me: { permissions: readonly Permission[] } | undefined, permission: Permission): boolean {
  return (me?.permissions ?? []).includes(permission);
}
