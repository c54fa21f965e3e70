// The audit log: its page and its query keys.

export { auditKeys } from './keys';
export { AuditPage } from './components/audit-page';
