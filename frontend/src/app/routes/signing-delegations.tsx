import { DelegationsList } from '@/features/signing';

/** `/signing-delegations`: the administrator's signing delegations (R-ROLE-2). */
export default function SigningDelegationsRoute() {
  return <DelegationsList />;
}
