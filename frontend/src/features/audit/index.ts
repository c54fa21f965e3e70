// The audit log: its page and its query keys.

export { auditKeys } from './keys';
export { AuditLog } from './components/audit-log';
