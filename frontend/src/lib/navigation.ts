// Which pages each role sees in the navigation. The API enforces the same
// rules; this only keeps the menu to what the user can open.

import type { Role } from './roles';

export interface NavItem {
  /** i18n key under `nav.` */
  key: 'home' | 'cases' | 'persons' | 'inbox' | 'users' | 'service_accounts' | 'signing' | 'catalogue' | 'audit' | 'data_subjects' | 'places' | 'deliveries' | 'fees' | 'fee_reviews' | 'aids' | 'charges' | 'reports';
  path: string;
  /** Roles that see the item; `all` for everyone. */
  roles: readonly Role[] | 'all';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', roles: 'all' },
  { key: 'cases', path: '/cases', roles: ['case_manager', 'social_worker', 'case_management_head', 'division_head'] },
  { key: 'persons', path: '/persons', roles: ['social_worker', 'case_manager', 'case_management_head', 'division_specialist', 'division_head'] },
  { key: 'inbox', path: '/inbox', roles: ['division_specialist', 'division_head'] },
  // The roles with `read_places` (the API's permission matrix).
  { key: 'places', path: '/places', roles: ['division_specialist', 'division_head', 'social_worker'] },
  // The roles with `read_deliveries`.
  { key: 'deliveries', path: '/deliveries', roles: ['social_worker', 'division_specialist', 'division_head'] },
  // The roles with `quote_fees`, `run_charges` (fee reviews, charges) and `read_deliveries` (aids).
  { key: 'fees', path: '/fees/calculator', roles: ['social_worker', 'case_manager', 'division_specialist', 'division_head'] },
  { key: 'fee_reviews', path: '/fees/reviews', roles: ['division_specialist', 'division_head'] },
  { key: 'aids', path: '/aids', roles: ['social_worker', 'division_specialist', 'division_head'] },
  { key: 'charges', path: '/charges', roles: ['division_specialist', 'division_head'] },
  // The roles with `read_reports`.
  { key: 'reports', path: '/reports', roles: ['division_specialist', 'division_head'] },
  { key: 'users', path: '/users', roles: ['admin'] },
  { key: 'service_accounts', path: '/service-accounts', roles: ['admin'] },
  { key: 'signing', path: '/signing-delegations', roles: ['admin'] },
  { key: 'catalogue', path: '/catalogue', roles: ['admin'] },
  { key: 'audit', path: '/audit', roles: ['auditor', 'data_protection_officer'] },
  // The roles with `answer_data_subjects`.
  { key: 'data_subjects', path: '/data-subjects', roles: ['auditor', 'data_protection_officer'] },
];

/** The navigation items for a user with `roles`. */
export function navFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.some((r) => roles.includes(r)));
}

/** Whether a user with `roles` may open `path` (or a page under it). */
export function canOpen(roles: readonly Role[], path: string): boolean {
  const item = NAV_ITEMS.find((i) => i.path === path || (i.path !== '/' && path.startsWith(`${i.path}/`)));
  return !item || item.roles === 'all' || item.roles.some((r) => roles.includes(r));
}
