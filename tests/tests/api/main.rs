//! Black-box tests of the Atvejis server over HTTP, on SQLite and (with
//! `TEST_DATABASE_URL`) PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod access_matrix;
mod audit;
mod auth;
mod casework;
mod compose;
mod errors;
mod health;
mod layer_applications;
mod openapi;
mod service_accounts;
mod store;
mod tokens;
mod users;
