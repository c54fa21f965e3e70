//! Atvejis API server: actix-web handlers, authentication, OpenAPI and
//! persistence. The rules themselves live in `atvejis-domain`.

pub mod auth;
pub mod config;
pub mod error;
pub mod extract;
pub mod openapi;
pub mod request_id;
pub mod routes;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
