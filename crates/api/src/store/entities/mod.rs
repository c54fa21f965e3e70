//! sea-orm entities, one per table. Columns mirror the migrations; no
//! relations are declared: queries join explicitly where they need to.

pub mod audit_log;
pub mod elderships;
pub mod institutions;
pub mod login_failures;
pub mod municipalities;
pub mod refresh_tokens;
pub mod service_accounts;
pub mod user_roles;
pub mod users;
