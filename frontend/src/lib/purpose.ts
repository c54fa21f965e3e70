// Why a member of staff reads case content: every read of a person's file, a
// family, an application or a decision states a purpose (`X-Purpose`), which
// the server records (R-ROLE-3). Pages whose route tells the purpose pass it;
// otherwise it follows from the reader's work (their roles).

import type { components } from '@/api/schema';
import type { Role } from './roles';

export type Purpose = components['schemas']['Purpose'];

/** The purpose a reader's roles imply when the page does not say one. */
export function purposeFor(roles: readonly Role[] | undefined): Purpose {
  const has = (role: Role) => (roles ?? []).includes(role);
  if (has('division_specialist') || has('division_head')) return 'decision';
  if (has('case_manager') || has('case_management_head')) return 'case_management';
  if (has('auditor')) return 'supervision';
  if (has('data_protection_officer')) return 'data_subject_request';
  return 'needs_assessment';
}
