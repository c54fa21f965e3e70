//! `/api/v1/signing-delegations`: who may sign decisions on which service
//! types, and when (R-ROLE-2). Only `admin` (Permission::ManageUsers);
//! delegations and users of other municipalities are never visible (404).

pub mod create;
pub mod list;
pub mod revoke;
