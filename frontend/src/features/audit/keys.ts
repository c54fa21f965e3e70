// The query keys of the audit log.

import type { AuditFilter } from './api/list-audit';

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => [...auditKeys.all, 'list', filter] as const,
};
