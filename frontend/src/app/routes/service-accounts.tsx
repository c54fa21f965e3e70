import { ServiceAccounts } from '@/features/users';

/** `/service-accounts`: the administrator's accounts of other municipal systems. */
export default function ServiceAccountsRoute() {
  return <ServiceAccounts />;
}
