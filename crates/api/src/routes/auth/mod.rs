//! `/api/v1/auth`: login, refresh, logout, and tokens for service accounts.

pub mod login;
pub mod logout;
pub mod refresh;
pub mod token;
