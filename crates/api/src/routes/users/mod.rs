//! `/api/v1/users`: staff accounts of the administrator's municipality.
//! Only `admin` (Permission::ManageUsers); users of other municipalities are
//! never visible (404).

pub mod activate;
pub mod create;
pub mod deactivate;
pub mod export;
pub mod get;
pub mod list;
pub mod reset_password;
pub mod update;
pub mod view;
