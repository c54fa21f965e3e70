// Signing delegations (R-ROLE-2): the administrator's page of who signs decisions on which services, and when.

export { delegationKeys } from './keys';
export { DelegationsList } from './components/delegations-list';
