// User administration: its page and the query keys of staff accounts.

export { userKeys } from './keys';
export { UsersList } from './components/users-list';
export { ServiceAccounts } from './components/service-accounts';
