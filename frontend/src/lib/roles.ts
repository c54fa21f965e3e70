import type { components } from '@/api/schema';

export type Role = components['schemas']['Role'];

/** Every role, in the order the landing page shows them. */
export const ROLES: readonly Role[] = [
  'social_worker',
  'case_manager',
  'division_specialist',
  'division_head',
  'auditor',
  'admin',
];
