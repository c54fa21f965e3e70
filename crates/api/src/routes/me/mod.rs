//! `/api/v1/me`: the caller's own account.

pub mod change_password;
pub mod get;
pub mod worklist;
