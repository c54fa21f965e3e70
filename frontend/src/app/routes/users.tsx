import { UsersList } from '@/features/users';

/** `/users`: the administrator's list of staff accounts. */
export default function UsersRoute() {
  return <UsersList />;
}
