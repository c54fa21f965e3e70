import { AuditLog } from '@/features/audit';

/** `/audit`: the auditor's audit log. */
export default function AuditRoute() {
  return <AuditLog />;
}
