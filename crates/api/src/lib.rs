//! Atvejis API server: actix-web handlers, authentication, OpenAPI and
//! persistence. The rules themselves live in `atvejis-domain`.

pub mod actor;
pub mod app;
pub mod auth;
pub mod clock;
pub mod config;
pub mod documents;
pub mod error;
pub mod error_code;
pub mod export;
pub mod extract;
pub mod field_code;
pub mod held;
pub mod openapi;
pub mod request_id;
pub mod routes;
pub mod secrets;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
